import { describe, expect, it, vi } from 'vitest';

// The built page's shape of the messages (src/build/compiled-messages.ts): English comes with the page, Spanish is
// fetched. Here the fetch is a promise the test settles, so what the page shows meanwhile can be checked.
const spanish = vi.hoisted(() => {
  let settle: { resolve: () => void; reject: (e: Error) => void } | undefined;
  return {
    fetches: 0,
    fail: false,
    next: () => new Promise<void>((resolve, reject) => (settle = { resolve, reject })),
    arrive: () => settle?.resolve(),
    lose: (e: Error) => settle?.reject(e),
  };
});
vi.mock('../../src/lib/i18n/compiled.ts', async () => {
  const { compileMessages } = await import('../../src/lib/i18n/compile.ts');
  const { MESSAGES } = await import('../../src/lib/i18n/locales.ts');
  const all = compileMessages(MESSAGES);
  return {
    PRELOADED: { en: all.en },
    loadCompiled: async (locale: 'en' | 'es') => {
      spanish.fetches += 1;
      await spanish.next();
      return all[locale];
    },
    LANGUAGE_NAMES: { en: 'English', es: 'Español' },
  };
});

const { locale, setLocale, t } = await import('../../src/lib/i18n/locale.svelte.ts');
const { hasMessages, languageName } = await import('../../src/lib/i18n/format.ts');

describe('a language whose messages come later (the built page’s Spanish)', () => {
  it('keeps the page whole in English until the Spanish messages are here; a failed fetch leaves English and is tried again; the last choice wins', async () => {
    expect(languageName('es'), 'the language button names Spanish before loading it').toBe('Español');
    expect(hasMessages('es')).toBe(false);

    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const lost = setLocale('es');
    expect(locale()).toBe('en');
    spanish.lose(new Error('offline'));
    await lost;
    expect(locale(), 'a failed fetch leaves the page in English').toBe('en');
    expect(errors.mock.calls.join(' ')).toMatch(/The es interface could not be loaded; the page stays in en: offline/);
    errors.mockRestore();

    // Spanish asked for, then English before Spanish arrived: English stays.
    const overtaken = setLocale('es');
    expect(spanish.fetches, 'tried again').toBe(2);
    expect(t('role.route'), 'English while Spanish loads').toBe('Route leg');
    await setLocale('en');
    spanish.arrive();
    await overtaken;
    expect(locale(), 'the visitor’s last choice, English, wins').toBe('en');

    // Loaded now: a switch is at once, with no fetch.
    await setLocale('es');
    expect(spanish.fetches).toBe(2);
    expect(locale()).toBe('es');
    expect(t('role.route')).toBe('Tramo de ruta');
  });
});
