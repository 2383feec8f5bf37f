// The story map: the story's places on an offline world basemap, drawn as SVG.
// Equirectangular projection with longitudes scaled by cos(mid-latitude), framed on the
// places (at least MIN_SPAN degrees across). Basemap: /static/world.json (see
// scripts/build_worldmap.py for where its coordinates come from).
(function () {
  "use strict";
  const MIN_SPAN = 4;
  const SVG = "http://www.w3.org/2000/svg";
  const holder = document.getElementById("map-canvas");
  const data = document.getElementById("story-places");
  if (!holder || !data) return;
  const places = JSON.parse(data.textContent);
  if (!places.length) { holder.textContent = "No places resolved for this story."; holder.dataset.ready = "empty"; return; }

  // Frame on the places near the middle of the story (within FRAME_DEG of the median
  // point): a passing mention of a far-away country should not shrink the scene to a dot.
  const FRAME_DEG = 25;
  const median = xs => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
  const midLat = median(places.map(p => p.lat)), midLon = median(places.map(p => p.lon));
  const framed = places.filter(p => Math.abs(p.lat - midLat) <= FRAME_DEG && Math.abs(p.lon - midLon) <= FRAME_DEG);
  const lats = framed.map(p => p.lat), lons = framed.map(p => p.lon);
  let [south, north, west, east] = [Math.min(...lats), Math.max(...lats), Math.min(...lons), Math.max(...lons)];
  const padLat = Math.max(MIN_SPAN - (north - south), 0) / 2 + 1, padLon = Math.max(MIN_SPAN - (east - west), 0) / 2 + 1;
  south -= padLat; north += padLat; west -= padLon; east += padLon;
  // Pixel coordinates (W x H) so that labels and strokes keep their size at any zoom.
  const W = 800, H = 600, k = Math.cos(((south + north) / 2) * Math.PI / 180);
  const scale = Math.min(W / ((east - west) * k), H / (north - south));
  const x0 = (W - (east - west) * k * scale) / 2, y0 = (H - (north - south) * scale) / 2;
  const x = lon => x0 + (lon - west) * k * scale, y = lat => y0 + (north - lat) * scale;

  const svg = document.createElementNS(SVG, "svg");
  svg.setAttribute("viewBox", `0 0 ${W} ${H}`);
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-label", "map of the story's places");
  holder.appendChild(svg);
  const layer = cls => { const g = document.createElementNS(SVG, "g"); g.setAttribute("class", cls); svg.appendChild(g); return g; };
  const base = layer("basemap"), marks = layer("places");

  function draw(g, lines, cls, closed) {
    for (const flat of lines) {
      let inside = false, d = "";
      for (let i = 0; i < flat.length; i += 2) {
        const lon = flat[i], lat = flat[i + 1];
        if (lon >= west - 5 && lon <= east + 5 && lat >= south - 5 && lat <= north + 5) inside = true;
        d += (i ? "L" : "M") + x(lon).toFixed(1) + " " + y(lat).toFixed(1);
      }
      if (!inside) continue;
      const path = document.createElementNS(SVG, "path");
      path.setAttribute("d", d + (closed ? "Z" : ""));
      path.setAttribute("class", cls);
      g.appendChild(path);
    }
  }

  for (const p of places) {
    if (p.lat < south || p.lat > north || p.lon < west || p.lon > east) continue;  // out of frame: listed beside
    const c = document.createElementNS(SVG, "circle");
    c.setAttribute("cx", x(p.lon)); c.setAttribute("cy", y(p.lat)); c.setAttribute("r", 6);
    c.setAttribute("class", "place-marker");
    c.dataset.name = p.name;
    const title = document.createElementNS(SVG, "title");
    title.textContent = `${p.name} (${p.lat.toFixed(2)}, ${p.lon.toFixed(2)}) · ${p.aliases.join(", ")}`;
    c.appendChild(title);
    marks.appendChild(c);
    const label = document.createElementNS(SVG, "text");
    label.setAttribute("x", x(p.lon) + 9); label.setAttribute("y", y(p.lat) + 4);
    label.textContent = p.name;
    marks.appendChild(label);
  }

  fetch(holder.dataset.places).then(res => res.json()).then(world => {
    draw(base, world.coast, "coast", true);
    draw(base, world.lakes || [], "lake", true);
    draw(base, world.borders, "border", false);
    holder.dataset.ready = "true";
  }).catch(() => { holder.dataset.ready = "no-basemap"; });
})();
