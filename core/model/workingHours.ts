/**
 * The rep's working hours, which "Plan my week" plans inside: working days, start and end of the day,
 * an optional lunch break, how long a visit takes and how long the way to the next one in the same city
 * takes (between two cities, `cityChangeMinutes`). Times are wall-clock times on the rep's computer.
 */
import { z } from 'zod';

const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'validation.invalidTime' });
const minutes = (min: number, max: number) =>
  z.number({ message: 'validation.notANumber' }).int({ message: 'validation.wholeNumber' }).min(min, { message: 'validation.minutesRange' }).max(max, { message: 'validation.minutesRange' });

/** minutes since midnight of an `HH:MM` time */
export function minuteOfClock(time: string): number {
  const [hours = 0, minutes = 0] = time.split(':').map(Number);
  return hours * 60 + minutes;
}

/** `HH:MM` of minutes since midnight */
export function clockOfMinute(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
}

export const WorkingHours = z
  .object({
    /** weekdays worked, 0 = Sunday … 6 = Saturday */
    days: z.array(z.number().int().min(0).max(6)).min(1, { message: 'validation.workingDaysRequired' }),
    start: clock,
    end: clock,
    lunch: z.object({ from: clock, to: clock }).nullable(),
    visitMinutes: minutes(15, 480),
    travelMinutes: minutes(0, 240),
    cityChangeMinutes: minutes(0, 480),
  })
  .superRefine((hours, context) => {
    if (minuteOfClock(hours.end) <= minuteOfClock(hours.start)) context.addIssue({ code: 'custom', path: ['end'], message: 'validation.endAfterStart' });
    if (!hours.lunch) return;
    if (minuteOfClock(hours.lunch.to) <= minuteOfClock(hours.lunch.from)) context.addIssue({ code: 'custom', path: ['lunch', 'to'], message: 'validation.endAfterStart' });
    else if (minuteOfClock(hours.lunch.from) < minuteOfClock(hours.start) || minuteOfClock(hours.lunch.to) > minuteOfClock(hours.end)) {
      context.addIssue({ code: 'custom', path: ['lunch', 'from'], message: 'validation.lunchInsideHours' });
    }
  });
export type WorkingHours = z.infer<typeof WorkingHours>;

/** Monday to Friday, 09:00–18:00 with lunch 12:00–13:30; an hour a visit, half an hour to the next, two hours to another city. */
export const DEFAULT_WORKING_HOURS: WorkingHours = {
  days: [1, 2, 3, 4, 5],
  start: '09:00',
  end: '18:00',
  lunch: { from: '12:00', to: '13:30' },
  visitMinutes: 60,
  travelMinutes: 30,
  cityChangeMinutes: 120,
};
