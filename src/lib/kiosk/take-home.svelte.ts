/**
 * The kiosk's public address for "Take this passage home", set by KioskMode from its configuration and read by the
 * TakeHome codes in the panels: null outside the kiosk, or when the museum configured none (then no code is shown).
 */
export const takeHomeAddress = $state<{ publicUrl: string | null }>({ publicUrl: null });
