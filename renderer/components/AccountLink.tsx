import type { ReactNode } from 'react';
import { useNavigation } from './navigation.js';

/** A real link to an account page (keyboard, middle-click semantics), navigating in-app on click. */
export function AccountLink({ id, children }: { id: string; children: ReactNode }) {
  const { navigate } = useNavigation();
  return (
    <a
      href={`?r=account&id=${encodeURIComponent(id)}`}
      onClick={(event) => {
        event.preventDefault();
        navigate({ name: 'account', id });
      }}
    >
      {children}
    </a>
  );
}
