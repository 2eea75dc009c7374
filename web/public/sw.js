// caseflow's service worker: the served app keeps working offline after its first load.
// Network first (a new version is picked up whenever the server answers), the last good copy
// from the cache when it does not. The app is one file, so there is one thing to keep.
const CACHE = 'caseflow-v1';

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.add('./')).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(self.clients.claim());
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(
    fetch(request)
      .then((response) => {
        if (response.ok && request.mode === 'navigate') {
          const copy = response.clone();
          event.waitUntil(caches.open(CACHE).then((cache) => cache.put('./', copy)));
        }
        return response;
      })
      .catch(async () => (await caches.match(request.mode === 'navigate' ? './' : request)) ?? Response.error()),
  );
});
