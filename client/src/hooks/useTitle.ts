import { useEffect } from 'react';

/** Sets the browser tab's title, so screen-reader users and tab-hoppers know where they are. */
export function useTitle(title: string) {
  useEffect(() => {
    document.title = title ? `${title} · Common Ground` : 'Common Ground';
  }, [title]);
}
