/**
 * The kiosk's public address for "Take this passage home", set by KioskMode from its configuration and read by the
 * TakeHome codes in the panels: null outside the kiosk, or when the museum configured none (then no code is shown).
 */
export const takeHomeAddress = $state<{ publicUrl: string | null }>({ publicUrl: null });

/** Sets the public address for as long as the calling component lives (call it while the component is set up). */
export function offerTakeHome(publicUrl: () => string | null): void {
  $effect(() => {
    takeHomeAddress.publicUrl = publicUrl();
    return () => {
      takeHomeAddress.publicUrl = null;
    };
  });
}
