// The right hip as two patient-education drawings (front view and side view), inline SVG so each
// structure can be highlighted and, in the explorer, chosen. Every drawn part carries
// data-structure="<anatomy id>" (the ids of content/rules/anatomy.json); a part drawn only for
// context (the sacrum, kneecap, shin bone) has none. Flat colours, clear outlines; muscles are
// drawn over the bones a little see-through, so the attachments stay visible.
import { h, s } from '../dom.js';
import { t } from '../i18n.js';

// A band of a ring (the socket's rim, the labrum) from angle a0 to a1 (degrees, SVG y down).
function band(cx, cy, r1, r2, a0, a1) {
  const p = (r, a) => `${(cx + r * Math.cos((a * Math.PI) / 180)).toFixed(1)},${(cy + r * Math.sin((a * Math.PI) / 180)).toFixed(1)}`;
  const large = Math.abs(a1 - a0) > 180 ? 1 : 0;
  return `M${p(r2, a0)}A${r2},${r2} 0 ${large} 1 ${p(r2, a1)}L${p(r1, a1)}A${r1},${r1} 0 ${large} 0 ${p(r1, a0)}Z`;
}
const circle = (cx, cy, r) => `M${cx - r},${cy}a${r},${r} 0 1 0 ${2 * r},0a${r},${r} 0 1 0 ${-2 * r},0Z`;

// Drawn back to front in each view; `at` is where the name label sits when the part is highlighted.
const VIEWS = {
  front: {
    viewBox: '0 0 400 640',
    parts: [
      {
        id: 'pelvis',
        kind: 'bone',
        at: [210, 70],
        shapes: [
          'M100,152C72,118 78,58 140,38C200,20 280,30 322,72L342,98C334,140 318,178 316,205C322,245 352,278 392,290L392,352C362,362 322,386 294,410C274,426 248,424 238,404C228,382 214,352 190,326C168,306 150,270 148,236C146,214 134,200 124,192C116,182 112,168 100,152Z' +
            'M276,330C282,310 318,304 332,320C342,336 330,360 306,364C284,366 270,350 276,330Z',
          'M342,98C360,90 380,86 396,86L396,250C384,250 372,244 362,236C352,200 340,160 342,98Z' +
            circle(374, 132, 6) + circle(372, 172, 6) + circle(368, 210, 5),
        ],
      },
      { id: 'gluteus_medius', kind: 'muscle', at: [70, 150], shapes: ['M86,122C80,82 100,54 138,42C132,84 122,140 122,196C122,220 118,238 110,246C98,238 92,226 90,212C84,180 82,150 86,122Z'] },
      {
        id: 'femur',
        kind: 'bone',
        at: [88, 440],
        shapes: ['M118,234C102,234 92,250 95,270C98,292 110,314 122,338C132,400 140,480 144,556C134,568 134,594 150,604C166,612 180,606 186,598C194,608 212,610 222,600C232,588 228,566 212,554C204,480 198,410 194,360C200,350 198,334 186,330C174,326 164,318 156,308C148,292 142,276 140,262C134,244 128,236 118,234Z'],
      },
      { id: null, kind: 'bone', shapes: ['M140,614C156,606 206,606 226,614L218,640L148,640Z', 'M160,524C170,514 192,514 200,526C206,540 204,566 194,576C184,584 168,582 162,570C154,556 154,536 160,524Z'] },
      { id: 'femoral_neck', kind: 'bone', at: [112, 300], shapes: ['M172,234C154,242 138,250 124,256C130,282 140,306 152,322C168,310 186,300 208,298Z'] },
      { id: 'acetabulum', kind: 'socket', at: [250, 196], shapes: [band(196, 262, 45, 57, -190, 70)] },
      { id: 'femoral_head', kind: 'bone', at: [196, 262], shapes: [circle(196, 262, 38)] },
      { id: 'labrum', kind: 'labrum', at: [140, 214], shapes: [band(196, 262, 37, 46, -200, 78)] },
      {
        id: 'ligaments',
        kind: 'ligament',
        at: [250, 318],
        shapes: ['M132,198C140,238 134,272 124,304', 'M138,198C162,238 172,282 170,320', 'M302,284C264,300 226,312 188,322'],
      },
      {
        id: 'quadriceps',
        kind: 'muscle',
        at: [118, 400],
        shapes: [
          'M100,262C86,330 96,440 152,528L166,522C150,450 132,370 126,304C122,286 112,270 100,262Z',
          'M126,196C142,204 152,236 160,300C170,380 188,460 186,522L170,522C160,460 140,380 134,300C128,252 120,222 126,196Z',
          'M196,362C224,420 238,500 200,536L188,526C198,470 192,412 196,362Z',
        ],
      },
      { id: 'tendons', kind: 'tendon', at: [232, 600], shapes: ['M170,574L190,574L194,624L168,624Z', 'M160,520L198,520L196,530L162,530Z'] },
    ],
  },
  side: {
    viewBox: '0 0 400 640',
    parts: [
      {
        id: 'pelvis',
        kind: 'bone',
        at: [190, 30],
        shapes: [
          'M78,124C90,70 150,34 220,40C270,46 300,80 304,112C300,124 292,132 290,146C288,160 278,176 268,186C292,232 312,262 322,286C326,300 316,310 300,306C270,300 240,312 222,326C206,338 190,352 170,352C150,352 140,336 146,318C150,296 146,270 132,250C118,230 120,214 128,200C110,190 96,176 90,160C84,148 76,138 78,124Z' +
            'M240,298C242,286 268,282 276,292C280,304 268,310 256,310C244,310 238,306 240,298Z',
        ],
      },
      { id: 'gluteus_maximus', kind: 'muscle', at: [62, 330], shapes: ['M84,116C58,150 52,232 74,292C94,344 150,376 214,386L224,360C182,334 152,304 140,262C128,220 116,170 108,128Z'] },
      {
        id: 'femur',
        kind: 'bone',
        at: [330, 420],
        shapes: ['M198,276C200,262 214,258 226,262C244,266 254,280 252,300C254,380 262,470 268,548C282,560 284,592 266,604C248,614 222,612 210,600C198,588 200,566 212,550C214,470 210,380 206,310C198,300 194,288 198,276Z'],
      },
      { id: null, kind: 'bone', shapes: ['M216,608C232,616 262,616 278,606L272,640L224,640Z', 'M204,614L214,614L212,640L204,640Z', 'M276,540C286,544 290,560 288,578C286,590 280,594 274,590C270,574 270,556 276,540Z'] },
      { id: 'gluteus_medius', kind: 'muscle', at: [190, 96], shapes: ['M110,112C140,66 220,56 284,104C272,150 252,200 238,262L214,264C190,220 150,170 110,112Z'] },
      { id: 'femoral_neck', kind: 'bone', at: [300, 250], shapes: ['M198,250C198,268 202,282 208,292L240,292C244,282 246,268 244,250Z'] },
      { id: 'acetabulum', kind: 'socket', at: [300, 196], shapes: [band(220, 222, 42, 55, 118, 422)] },
      { id: 'femoral_head', kind: 'bone', at: [220, 222], shapes: [circle(220, 222, 36)] },
      { id: 'labrum', kind: 'labrum', at: [150, 200], shapes: [band(220, 222, 35, 43, 112, 428)] },
      { id: 'ligaments', kind: 'ligament', at: [330, 290], shapes: ['M288,156C278,200 264,250 248,294', 'M150,292C170,282 188,276 206,274'] },
      {
        id: 'hamstrings',
        kind: 'muscle',
        at: [100, 470],
        shapes: ['M142,336C164,330 178,350 182,382C188,460 198,540 216,610L198,616C170,540 146,460 138,380C134,360 134,344 142,336Z'],
      },
      {
        id: 'quadriceps',
        kind: 'muscle',
        at: [330, 360],
        shapes: [
          'M236,290C262,300 280,360 280,440C278,490 276,520 272,542L258,542C244,480 226,400 222,330C222,310 226,296 236,290Z',
          'M286,152C300,170 306,220 304,300C302,400 296,480 288,538L274,538C276,480 278,400 278,300C278,230 280,180 286,152Z',
        ],
      },
      { id: 'calves', kind: 'muscle', at: [150, 610], shapes: ['M208,566C190,590 184,618 188,640L232,640C236,620 234,596 224,572Z'] },
      {
        id: 'tendons',
        kind: 'tendon',
        at: [330, 620],
        shapes: ['M276,584L290,586L282,630L268,628Z', 'M138,332L160,328L164,350L144,354Z', 'M214,258L238,258L236,272L216,272Z'],
      },
    ],
  },
};

/** The views that draw a structure: ['front', 'side'], ['side'], … */
export function viewsOf(id) {
  return Object.keys(VIEWS).filter((view) => VIEWS[view].parts.some((part) => part.id === id));
}

let drawn = 0;

/**
 * anatomyDiagram({ title, description, highlight: [ids], onChoose(id), names: {id: name}, labels })
 * → { svg (a wrapper holding both views), mark(ids), ids }.
 * Without onChoose the drawing is only a picture (each view role img). With onChoose every part
 * is a focusable button (arrow keys move between the parts of a view, Enter or Space chooses).
 * With labels, a highlighted part shows its name on the drawing (the slides).
 */
export function anatomyDiagram({ title, description, highlight = [], onChoose, names = {}, labels = false, views = ['front', 'side'] } = {}) {
  drawn += 1;
  // One drawing per view, side by side when there is room and one above the other when not.
  const wrap = h('div', { class: 'hip-figures', role: 'group', 'aria-label': title, 'data-anatomy': true });
  const groups = [];
  views.forEach((view) => {
    const { parts } = VIEWS[view];
    const viewName = t(`anatomy.${view}`);
    const panel = s('svg', { class: `hip-view hip-view--${view}`, viewBox: '0 0 400 680', role: onChoose ? 'group' : 'img', focusable: 'false', 'data-view': view });
    const titleEl = s('title', { id: `anatomy-title-${drawn}-${view}`, text: `${title} (${viewName})` });
    panel.setAttribute('aria-labelledby', titleEl.id);
    panel.append(titleEl);
    if (description) panel.append(s('desc', { text: description }));
    panel.append(s('rect', { class: 'hip-view__ground', x: 0, y: 0, width: 400, height: 680, rx: 8 }));
    panel.append(s('text', { class: 'hip-view__name', x: 200, y: 668, 'text-anchor': 'middle', 'aria-hidden': 'true', text: viewName }));
    const inner = s('svg', { x: 0, y: 0, width: 400, height: 640, viewBox: VIEWS[view].viewBox, overflow: 'hidden' });
    const labelLayer = s('g', { class: 'hip-labels', 'aria-hidden': 'true' });
    const viewGroups = [];
    for (const part of parts) {
      const g = s('g', { class: `hip__part hip__part--${part.kind}`, 'data-structure': part.id ?? null, 'data-view': view });
      for (const d of part.shapes) g.append(s('path', { d }));
      inner.append(g);
      if (!part.id) continue;
      const name = names[part.id] ?? part.id;
      if (onChoose) {
        Object.assign(g.dataset, { focusable: 'true' });
        g.setAttribute('role', 'button');
        g.setAttribute('tabindex', viewGroups.length === 0 ? '0' : '-1');
        g.setAttribute('aria-label', t('anatomy.regionLabel', { name, view: viewName }));
        g.setAttribute('aria-pressed', 'false');
        g.addEventListener('click', () => onChoose(part.id));
        g.addEventListener('keydown', (event) => {
          const i = viewGroups.indexOf(g);
          const step = { ArrowDown: 1, ArrowRight: 1, ArrowUp: -1, ArrowLeft: -1 }[event.key];
          if (step !== undefined) {
            event.preventDefault();
            const next = viewGroups[(i + step + viewGroups.length) % viewGroups.length];
            g.setAttribute('tabindex', '-1');
            next.setAttribute('tabindex', '0');
            next.focus();
          } else if (event.key === 'Enter' || event.key === ' ') {
            event.preventDefault();
            onChoose(part.id);
          }
        });
      }
      viewGroups.push(g);
      // The label: the name up to any bracket, kept inside the drawing at either edge.
      const anchor = part.at[0] < 140 ? 'start' : part.at[0] > 260 ? 'end' : 'middle';
      const x = anchor === 'start' ? 10 : anchor === 'end' ? 390 : part.at[0];
      const short = String(name).replace(/\s*\(.*\)\s*$/, '');
      groups.push({ id: part.id, g, label: labels ? s('text', { class: 'hip-label', x, y: part.at[1], 'text-anchor': anchor, 'dominant-baseline': 'middle', text: short }) : null });
    }
    inner.append(labelLayer);
    panel.append(inner);
    wrap.append(panel);
    for (const entry of groups) if (entry.label && entry.g.dataset.view === view) labelLayer.append(entry.label);
  });
  if (onChoose) wrap.classList.add('hip-figures--interactive');

  function mark(ids) {
    const on = new Set(ids);
    wrap.classList.toggle('hip-figures--focused', on.size > 0);
    for (const { id, g, label } of groups) {
      g.classList.toggle('is-active', on.has(id));
      if (onChoose) g.setAttribute('aria-pressed', String(on.has(id)));
      if (label) label.setAttribute('display', on.has(id) ? 'inline' : 'none');
    }
  }
  mark(highlight);
  return { svg: wrap, mark, ids: [...new Set(groups.map((x) => x.id))] };
}
