// Hip Check's service worker: after the first visit the whole site works with no network.
// The build (scripts/dist/make-dist.mjs) writes the list of every file of the site, with its
// hash, between the markers below; the cache is named after a hash of them all, so each build gets
// its own cache and a page is never served a mix of two builds' files. A new build waits until the
// person agrees to reload (the page posts {type: 'skip-waiting'}; see js/pwa.js).
// Without a list (the development site, build/site) it caches nothing and stays out of the way.
const PRECACHE = /* precache:start */ { version: 'dev', files: [] } /* precache:end */;

const PREFIX = 'hipcheck-';
const CACHE = `${PREFIX}${PRECACHE.version}`;
const URLS = new Set(PRECACHE.files.map((file) => file.url));

// All or nothing: every file is fetched before this version's cache is opened, and when anything
// fails the cache is deleted, so a failed install never leaves a partial cache of a new version
// (the browser tries again on a later visit, from nothing). One exception: a new worker whose
// files are all unchanged (only sw.js differs) has the same version, so its cache may be the one
// the active worker serves from; that cache is left alone (anything put in it is the same file).
self.addEventListener('install', (event) => {
  if (!PRECACHE.files.length) return;
  event.waitUntil(
    (async () => {
      const ours = !self.registration.active || !(await caches.has(CACHE));
      try {
        // Every file is checked against the hash the build recorded, so a server that already
        // serves a newer (or older) build cannot slip a foreign file into this version's cache.
        const responses = await Promise.all(
          PRECACHE.files.map(async ({ url, integrity }) => {
            const response = await fetch(new Request(url, { cache: 'no-cache', integrity }));
            if (!response.ok) throw new Error(`precache: ${url} answered HTTP ${response.status}`);
            return [url, response];
          }),
        );
        const cache = await caches.open(CACHE);
        const stored = await Promise.allSettled(responses.map(([url, response]) => cache.put(url, response)));
        const failure = stored.find((outcome) => outcome.status === 'rejected');
        if (failure) throw failure.reason;
      } catch (error) {
        if (ours) await caches.delete(CACHE);
        throw error;
      }
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith(PREFIX) && name !== CACHE) await caches.delete(name);
      }
      if (PRECACHE.files.length) await self.clients.claim();
    })(),
  );
});

self.addEventListener('message', (event) => {
  if (event.data?.type === 'skip-waiting') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (!PRECACHE.files.length || request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  // Every page of the app is index.html (the views change the document, not the address).
  const key = request.mode === 'navigate' ? '/index.html' : url.pathname;
  if (!URLS.has(key)) return;
  event.respondWith(
    (async () => {
      const cached = await caches.match(key, { cacheName: CACHE });
      return cached ?? fetch(request);
    })(),
  );
});
