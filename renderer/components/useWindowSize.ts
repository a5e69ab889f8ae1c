import { useEffect, useState } from 'react';

/**
 * Below this window width (a 1024×640 laptop screen) screens make room: the navigation narrows to its
 * icons and wide tables leave out their least needed columns, so nothing scrolls sideways.
 */
export const NARROW_WINDOW = 1200;

/** The window's inner size, following resizes. */
export function useWindowSize(): { width: number; height: number } {
  const [size, setSize] = useState(() => ({ width: window.innerWidth, height: window.innerHeight }));
  useEffect(() => {
    const onResize = () => setSize({ width: window.innerWidth, height: window.innerHeight });
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
  return size;
}
