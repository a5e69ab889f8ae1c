import type { Command } from '../command.js';
import { agendaCommand } from './agenda.js';
import { backupCommand } from './backup.js';
import { exportCommand } from './export.js';
import { importCommand } from './import.js';
import { loginCommand } from './login.js';
import { recoveryKeyCommand } from './recoveryKey.js';
import { seedCommand } from './seed.js';
import { serveCommand } from './serve.js';
import { shareCommand } from './share.js';
import { syncCommand } from './sync.js';
import { userCommand } from './user.js';

/** Every `rounds` subcommand; a new one (agenda, import, export, serve, login, sync, user) is one more entry. */
export const COMMANDS: readonly Command[] = [seedCommand, backupCommand, recoveryKeyCommand, exportCommand, importCommand, agendaCommand, serveCommand, userCommand, shareCommand, loginCommand, syncCommand];

export function findCommand(name: string): Command | undefined {
  return COMMANDS.find((command) => command.name === name);
}
