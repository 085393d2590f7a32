import { untrack } from 'svelte';
import { afterNextPaint } from '../after-paint.ts';
import type { AtlasState } from './atlas.svelte.ts';
import { decodeUrlState, encodeUrlState, type UrlState } from '../address/url-state.ts';
import { pageAddress } from '../address/page-address.ts';

/** What is on screen, as a shared link would bring it back. */
export function currentUrlState(atlas: AtlasState): UrlState {
  const { selection, journey } = atlas;
  const range = selection.reader?.ranges[0];
  return {
    selected: selection.selected,
    journey: journey.id ? { id: journey.id, step: journey.step } : null,
    reader: selection.reader && range ? { document: selection.reader.documentId, ...range } : null,
    view: atlas.view,
    filters: atlas.filters.value,
  };
}

/**
 * Puts a link's state on screen. What the corpus does not have (an unknown place, a journey or document that is gone,
 * a passage past the end of its document) is left out, like any other bad part of a link.
 */
export function applyUrlState(atlas: AtlasState, state: UrlState) {
  const { index } = atlas;
  if (state.selected && index?.feature(state.selected)) atlas.pick([state.selected]);
  else atlas.selection.pick([]);
  const journey = state.journey && index?.journey(state.journey.id);
  if (state.journey && journey) {
    atlas.panels.journeys = true;
    atlas.panels.start = false;
    atlas.journey.start(journey.id, Math.min(state.journey.step, journey.steps.length - 1));
  } else atlas.journey.reset();
  const passage = state.reader;
  const passageDocument = passage && index?.document(passage.document);
  if (passage && passageDocument && passage.end <= passageDocument.body.length) atlas.read(passage.document, [passage]);
  atlas.filters.value = state.filters;
  if (state.view) atlas.jumpTo(state.view);
}

/**
 * Keeps the address and the screen in step, for the life of the calling component.
 *
 * - The page opens on its address: once the data is there, the link's state is applied (a link with no view frames
 *   the network). Until then nothing is written, so the address is not overwritten first.
 * - Selections, journeys, documents and filters push a history entry; camera moves only replace the current one, so
 *   back and forward walk through what was chosen, not through every pan.
 * - Writing waits for the next paint, so a tap's passage reaches the screen first; changes within a frame make one
 *   entry.
 * - Back/forward (popstate) applies the entry's state, and records it as the last pushed, so applying it does not push
 *   it again.
 */
export function syncUrl(atlas: AtlasState) {
  const opened = decodeUrlState(location.hash);
  // "Start here" greets a visit that does not open on something (a deep link goes straight to it).
  atlas.panels.start = !opened.selected && !opened.journey && !opened.reader;
  let applied = $state(false);
  let lastPushed = '';
  const withoutView = () => encodeUrlState({ ...currentUrlState(atlas), view: null });

  $effect(() => {
    const data = atlas.data;
    if (!data) return;
    untrack(() => {
      if (applied) return;
      applyUrlState(atlas, opened);
      // A link with no view frames what it opens on (a place, with its connections), else the network.
      if (!opened.view) {
        if (opened.selected && !opened.journey && atlas.index?.feature(opened.selected)) atlas.frameFeature(opened.selected);
        else atlas.frame(data.meta.networkBounds, 4);
      }
      lastPushed = withoutView();
      applied = true;
    });
  });

  $effect(() => {
    if (!applied) return;
    const state = currentUrlState(atlas);
    return afterNextPaint(() => {
      const choices = encodeUrlState({ ...state, view: null });
      const full = encodeUrlState(state);
      const url = pageAddress(location.href, { hash: full });
      if (choices !== lastPushed) history.pushState(null, '', url);
      else if (location.hash !== full) history.replaceState(null, '', url);
      lastPushed = choices;
    });
  });

  $effect(() => {
    const onPop = () => {
      applyUrlState(atlas, decodeUrlState(location.hash));
      lastPushed = withoutView();
    };
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  });
}
