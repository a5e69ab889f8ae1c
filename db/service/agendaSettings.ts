/** The user's settings as the agenda rules' options: cadence policy, lead days, festivals and who gets greetings. */
import type { AgendaSettings } from '../../core/agenda/index.js';
import { policyWithIdealDays, type CadencePolicy } from '../../core/cadence/index.js';
import type { Tier } from '../../core/model/enums.js';
import type { ReminderSettings } from '../../core/model/reminders.js';
import type { Settings } from '../../core/model/schemas.js';
import type { AgendaContactRow } from '../repo/agendaInput.js';

/** Ideal gaps from `settings.cadence`, maximum gaps from `reminders.cadenceMaximum` (never below the ideal). */
export function cadencePolicyOf(settings: Settings): CadencePolicy {
  const { reminders } = settings;
  const scaled = policyWithIdealDays(settings.cadence);
  const gap = (tier: Tier) => ({ ideal: settings.cadence[tier], maximum: Math.max(settings.cadence[tier], reminders.cadenceMaximum[tier]) });
  return {
    ...scaled,
    tiers: { A: gap('A'), B: gap('B'), C: gap('C') },
    hardCapDays: reminders.hardCapDays,
    countingKinds: reminders.countingKinds,
    lapseThresholdDays: reminders.lapseThresholdDays,
  };
}

/**
 * Who gets festival greetings. The rule picks the default recipients (key contacts of the chosen
 * tiers, all key contacts, or nobody but the contacts chosen one by one); a contact's own choice
 * (`festivalGreetings` true / false) overrides the rule either way.
 */
export function festivalRecipientIds(
  reminders: Pick<ReminderSettings, 'festivalRecipients' | 'festivalTiers'>,
  contacts: readonly AgendaContactRow[],
  tierOfAccount: (accountId: string) => Tier | undefined,
): string[] {
  const tiers = new Set(reminders.festivalTiers);
  const byRule = (contact: AgendaContactRow): boolean => {
    switch (reminders.festivalRecipients) {
      case 'key_contacts_of_a': {
        const tier = tierOfAccount(contact.accountId);
        return contact.isKey && tier !== undefined && tiers.has(tier);
      }
      case 'all_key_contacts':
        return contact.isKey;
      case 'chosen_contacts':
        return false;
    }
  };
  return contacts.filter((contact) => contact.festivalGreetings ?? byRule(contact)).map((contact) => contact.id);
}

export function agendaSettingsOf(settings: Settings, now: Date, festivalContactIds: readonly string[]): AgendaSettings {
  const { reminders } = settings;
  return {
    now,
    cadence: cadencePolicyOf(settings),
    complaintTargetHours: reminders.complaintTargetHours,
    complaintFollowUpDays: reminders.complaintFollowUpDays,
    leadDaysByKind: reminders.leadDaysByKind,
    defaultLeadDays: reminders.defaultLeadDays,
    festivalIds: reminders.festivalIds,
    festivalLeadDays: reminders.festivalLeadDays,
    festivalContactIds,
  };
}
