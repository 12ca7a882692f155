// A schematic front view of the right hip, drawn as inline SVG so its parts can be highlighted.
// Each part carries data-structure="<anatomy id>" (the ids of content/en/anatomy.json).
import { s } from '../dom.js';

// Drawn back to front: what is drawn later sits on top (and takes the pointer).
const PARTS = [
  {
    id: 'gluteus_maximus',
    kind: 'muscle',
    shapes: ['M48 86C20 140 15 220 60 290C85 325 120 332 140 318L136 266C110 236 82 170 72 100Z'],
  },
  {
    id: 'hamstrings',
    kind: 'muscle',
    shapes: ['M222 292C272 330 278 392 242 430L224 432C234 390 224 342 208 302Z'],
  },
  {
    id: 'pelvis',
    kind: 'bone',
    shapes: [
      'M40 70C60 30 170 10 250 40C270 60 276 100 266 130C290 160 330 180 346 200L346 262C320 270 290 264 270 252' +
        'C262 286 250 300 230 300C206 300 196 282 200 258C176 246 166 232 170 196C124 172 70 132 40 70Z' +
        'M286 208C304 208 312 226 300 240C288 250 262 244 262 228C262 214 274 208 286 208Z',
    ],
  },
  {
    id: 'femur',
    kind: 'bone',
    shapes: [
      'M200 182C180 186 160 194 148 198C132 196 124 214 132 234L140 252C148 320 154 380 156 432L198 432' +
        'C194 380 186 320 182 264C186 254 196 246 206 240C216 232 224 222 226 212Z',
    ],
  },
  {
    id: 'calves',
    kind: 'muscle',
    shapes: [
      'M198 452C236 482 240 534 206 594L194 594C202 542 200 492 192 454Z',
      'M160 454C138 492 140 534 162 584L170 584C166 534 168 492 168 454Z',
    ],
  },
  {
    id: null,
    kind: 'bone',
    shapes: ['M160 446L198 446C193 500 192 550 194 604L166 604C168 550 166 500 160 446Z'],
  },
  {
    id: 'quadriceps',
    kind: 'muscle',
    shapes: ['M244 164C264 230 252 330 214 420L194 422C166 340 176 252 236 162Z'],
  },
  {
    id: 'femoral_neck',
    kind: 'bone',
    shapes: ['M198 184C180 188 164 196 152 202L166 236C180 230 196 226 214 226Z'],
  },
  {
    id: 'femoral_head',
    kind: 'bone',
    shapes: ['M215 172A28 28 0 1 1 214.9 172Z'],
  },
  {
    id: 'acetabulum',
    kind: 'socket',
    shapes: ['M243.6 223.2A37 37 0 1 0 178.6 206.4'],
  },
  {
    id: 'ligaments',
    kind: 'ligament',
    shapes: ['M190 168C178 190 170 212 166 236', 'M248 176C250 204 236 228 208 242', 'M274 214C256 228 236 238 214 246'],
  },
  {
    id: 'tendons',
    kind: 'tendon',
    shapes: [
      'M192 416L216 416L211 442L195 442Z',
      'M210 286L232 292L226 306L206 300Z',
      'M130 300L144 300L150 346L138 346Z',
    ],
  },
];

/**
 * diagram({ title, highlight: [ids], onChoose(id) }) → { svg, select(id), ids }
 * Without onChoose the drawing is only a picture (role img, named by title).
 */
let drawn = 0;

export function anatomyDiagram({ title, description, highlight = [], onChoose } = {}) {
  drawn += 1;
  const titleEl = s('title', { id: `anatomy-title-${drawn}`, text: title });
  const svg = s('svg', {
    class: 'anatomy',
    viewBox: '10 10 360 600',
    role: 'img',
    focusable: 'false',
    'aria-labelledby': titleEl.id,
    'data-anatomy': true,
  });
  svg.append(titleEl);
  if (description) svg.append(s('desc', { text: description }));
  const groups = new Map();
  for (const part of PARTS) {
    const g = s('g', { class: `anatomy__part anatomy__part--${part.kind}`, 'data-structure': part.id });
    for (const d of part.shapes) g.append(s('path', { d }));
    svg.append(g);
    if (!part.id) continue; // drawn for context only (the shin bone)
    if (onChoose) g.addEventListener('click', () => onChoose(part.id));
    groups.set(part.id, g);
  }
  if (onChoose) svg.classList.add('anatomy--interactive');

  function mark(ids) {
    const on = new Set(ids);
    svg.classList.toggle('anatomy--focused', on.size > 0);
    for (const [id, g] of groups) g.classList.toggle('is-active', on.has(id));
  }
  mark(highlight);
  return { svg, mark, ids: [...groups.keys()] };
}
