import { useEffect, useRef } from 'react';

/** Whether the platform's primary modifier (Cmd on macOS, Ctrl elsewhere) is held. */
function primaryModifier(event: KeyboardEvent): boolean {
  return /Mac|iPhone|iPad/.test(navigator.platform) ? event.metaKey : event.ctrlKey;
}

/** Calls `handler` on Ctrl/Cmd + `key` anywhere in the window (inputs included: shortcuts must work from a form). */
export function usePrimaryHotkey(key: string, handler: () => void): void {
  const handlerRef = useRef(handler);
  handlerRef.current = handler;
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (primaryModifier(event) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === key) {
        event.preventDefault();
        handlerRef.current();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [key]);
}

/** How the shortcut is written on this platform, e.g. "Ctrl+K" or "⌘K". */
export function primaryShortcutLabel(key: string): string {
  return /Mac|iPhone|iPad/.test(navigator.platform) ? `⌘${key.toUpperCase()}` : `Ctrl+${key.toUpperCase()}`;
}
