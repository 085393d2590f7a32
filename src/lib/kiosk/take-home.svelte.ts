/**
 * The kiosk's public address for "Take this passage home", set by KioskMode from its configuration and read by the
 * TakeHome codes in the panels: null outside the kiosk, or when the museum configured none (then no code is shown).
 * `atKiosk` says the page is the kiosk: there is no clipboard a visitor can take away, so "Copy citation" is not offered.
 */
export const takeHomeAddress = $state<{ publicUrl: string | null; atKiosk: boolean }>({ publicUrl: null, atKiosk: false });

/** Sets the public address for as long as the calling component lives (call it while the component is set up). */
export function offerTakeHome(publicUrl: () => string | null): void {
  $effect(() => {
    takeHomeAddress.publicUrl = publicUrl();
    takeHomeAddress.atKiosk = true;
    return () => {
      takeHomeAddress.publicUrl = null;
      takeHomeAddress.atKiosk = false;
    };
  });
}
