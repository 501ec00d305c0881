import { useEffect } from 'react';
import { useLogout } from 'react-admin';

/** How often an open console asks whether its session is still open (the check is not activity). */
const CHECK_EVERY_MS = 30_000;

/**
 * Clears the page as soon as the session ends (idle timeout, « Se déconnecter partout », account
 * disabled, on any instance), instead of leaving a minor's data on screen until the next click:
 * react-admin's logout empties its cache and shows the login page, then returns to the same page
 * after signing in again. Checked every 30 s and whenever the tab comes back into view.
 */
export function SessionWatch() {
  const logout = useLogout();
  useEffect(() => {
    let stopped = false;
    const check = async () => {
      if (stopped || document.visibilityState === 'hidden') return;
      const response = await fetch('/session', { credentials: 'same-origin', cache: 'no-store' }).catch(() => null);
      // Offline or a server error: the next check decides; only a clear « ended » signs out.
      if (!stopped && response?.status === 401) {
        stopped = true;
        logout(undefined, undefined, true);
      }
    };
    const onVisible = () => void check();
    const timer = window.setInterval(onVisible, CHECK_EVERY_MS);
    document.addEventListener('visibilitychange', onVisible);
    window.addEventListener('focus', onVisible);
    return () => {
      stopped = true;
      window.clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisible);
      window.removeEventListener('focus', onVisible);
    };
  }, [logout]);
  return null;
}
