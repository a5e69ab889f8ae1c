// The layers below the top folders, in the manner of VS Code's layer table: inside `core/`, `db/` and
// `renderer/` each folder (or file at the top of the folder) has a level, and code may import its own
// level and the levels below, never above. The top folders' own rules (core/ pure, db/ only core, …)
// are no-restricted-imports in eslint.config.js; this rule orders what is inside them.
import path from 'node:path';

/**
 * Lowest level first. A name is a sub-folder, or a file at the top of the folder without its
 * extension. Every sub-folder and top file must be listed, so a new one gets a level on purpose.
 */
export const SUB_LAYERS = {
  // text rules; the calendar is pure arithmetic (lunar months, festivals) that
  // the model's schemas use to refuse impossible dates; the entities; the locale resources and the domain
  // rules; the API.
  core: [['text'], ['calendar'], ['model'], ['i18n', 'sync', 'cadence', 'tiering', 'agenda', 'reports', 'import'], ['api']],
  // the connection and the data layer (rows, synced rows and their outbox); what uses rows; the export
  // jobs; opening the database and the service on top; test support above all.
  db: [
    ['connection', 'encryption', 'diskFull', 'paths', 'migrations', 'repo', 'synced'],
    ['sync', 'reports', 'export', 'import', 'seed'],
    ['jobs'],
    ['openDatabase', 'service'],
    ['testing'],
  ],
  renderer: [['i18n'], ['api'], ['components'], ['screens'], ['app'], ['main', 'vite-env.d', 'test']],
};

const ROOT = path.resolve(import.meta.dirname, '..');

/** `{ top, unit }` of a file under one of the layered folders, else null. */
function placeOf(file) {
  const parts = path.relative(ROOT, file).split(path.sep);
  if (parts.length < 2 || !(parts[0] in SUB_LAYERS)) return null;
  const unit = parts.length === 2 ? parts[1].replace(/\.(tsx?|mjs|js)$/, '') : parts[1];
  return { top: parts[0], unit };
}

function levelOf(top, unit) {
  return SUB_LAYERS[top].findIndex((names) => names.includes(unit));
}

/** @type {import('eslint').Rule.RuleModule} */
const orderedLayers = {
  meta: {
    type: 'problem',
    docs: { description: 'Within core/, db/ and renderer/, import only the same or a lower sub-layer.' },
    schema: [],
  },
  create(context) {
    const from = placeOf(context.filename);
    if (!from) return {};
    const fromLevel = levelOf(from.top, from.unit);
    function check(node, source) {
      if (typeof source !== 'string' || !source.startsWith('.')) return;
      if (fromLevel < 0) {
        context.report({ node, message: `${from.top}/${from.unit} has no layer: give it one in SUB_LAYERS (scripts/eslintLayers.mjs).` });
        return;
      }
      const to = placeOf(path.resolve(path.dirname(context.filename), source));
      if (!to || to.top !== from.top || to.unit === from.unit) return;
      const toLevel = levelOf(to.top, to.unit);
      if (toLevel < 0) {
        context.report({ node, message: `${to.top}/${to.unit} has no layer: give it one in SUB_LAYERS (scripts/eslintLayers.mjs).` });
      } else if (toLevel > fromLevel) {
        context.report({
          node,
          message: `${from.top}/${from.unit} (layer ${fromLevel}) must not import ${to.top}/${to.unit} (layer ${toLevel}): lower layers never import higher ones (scripts/eslintLayers.mjs).`,
        });
      }
    }
    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value),
    };
  },
};

export const layersPlugin = { rules: { ordered: orderedLayers } };
