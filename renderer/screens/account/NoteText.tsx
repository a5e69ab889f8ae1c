import type { CSSProperties } from 'react';

const NOTE_STYLE: CSSProperties = { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', margin: 0 };

/**
 * A note's text exactly as written: React text content only (never parsed as HTML), line breaks kept by CSS.
 * Whatever markup a note contains — `<script>`, `<img onerror>` — is shown as characters.
 */
export function NoteText({ body }: { body: string }) {
  return <div style={NOTE_STYLE}>{body}</div>;
}
