// Every fact of the source article ("How Can Running Cause Hip Pain?") appears somewhere a runner
// reads it, in the content's own words. Each fact is a set of patterns that must all match.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { RUNNER_FILES, proseOfFile } from './prose.mjs';

const text = RUNNER_FILES.flatMap(proseOfFile).join('\n').toLowerCase();

const facts = {
  'running is good for body and mind': [/good for your body and your mind|body and mind/],
  'injuries are common and hip pain is one of the most frequent': [/injur(y|ies) (are|is) common/, /hip pain is one of the most/],
  'knowing how running affects the hip helps prevent pain and run more smoothly': [/prevent pain/, /run more (smoothly|easily|efficiently)/],
  'endorphins': [/endorphins/],
  'the hip is a ball-and-socket joint linking pelvis and thigh': [/ball-and-socket|ball and socket/, /pelvis/, /thigh/],
  'the rounded top of the femur sits in a cup-like socket of the hip bone': [/femur/, /thigh bone/, /(cup|socket)/],
  'the joint gives balance and support to the upper body': [/balance/, /(top half|upper body)/],
  'the leg moves back and forth and in a circle': [/forward and back|back and forth/, /circle|circular/],
  'ligaments join the bones': [/ligaments?/],
  'gluteus maximus (buttock), quadriceps and hamstrings surround the hip': [/gluteus maximus/, /buttock/, /quadriceps/, /hamstrings/],
  'tendons join muscles to bones': [/tendons?.{0,40}(join|connect|attach|link).{0,20}(muscles?).{0,20}bones?/],
  'any of these can be hurt': [/can all be hurt|any of (these|them) can (be hurt|get hurt|be injured|cause pain)/],
  'running is high impact and stresses the feet, legs and hips': [/high.impact/, /feet, legs and hips/],
  'overuse: too far, too fast or too often': [/too far/, /too fast/, /too often/],
  'tendinitis is inflammation of a tendon': [/tendinitis/, /inflam|swelling|swollen/],
  'a stress fracture is a hairline crack in a bone': [/stress fracture/, /(hairline|tiny|small) (crack|break)/],
  'too little rest, fluid or fuel, especially when building too quickly': [/rest/, /(drink|fluid|water)/, /(fuel|eat)/],
  'first rest from painful activity; injuries need time off to heal': [/time off|time to heal/],
  'anti-inflammatory treatment is more than pills and creams': [/anti-inflammatory|swelling down/],
  'going back too soon or pushing through pain can make things worse': [/too soon/, /(push|run|running|pushing) through (the )?pain/],
  'see a doctor if no better after a few days of rest': [/few days/, /doctor/],
  'see a doctor if pain comes with cross-training too': [/(cycling|swimming)/, /cross-train/],
  'increase time or distance by no more than 10 % a week, and back off with discomfort': [/10 ?(%|percent)/, /back off|ease off|cut back/],
  'wrong shoes can throw off alignment and strain the hips': [/shoes?/, /strain/],
  'too little support or cushioning, or a poor fit, changes how you run': [/support/, /cushion/, /fit/],
  'then the hips work harder to keep you steady': [/work harder/, /steady|stable|stabil/],
  'there are many kinds of running shoe': [/(many|dozens of) (kinds|types)/],
  'arch height, foot turning in or out, and surface matter for choosing shoes': [/arch/, /rolls? in|turns? in/, /surface/],
  'running shops offer free fittings or gait analysis': [/gait analysis/, /fitting/],
  'steps too long or too short can stress the hips': [/too long/, /too short/],
  'landing badly and poor posture can too': [/land/, /posture/],
  'a personal trainer or physical therapist can check how you run': [/personal trainer/, /physical therapist/],
  'running as the main or only exercise can build imbalances': [/only (exercise|sport|form of exercise)|main (exercise|sport)/, /imbalance/],
  'some muscles get stronger while others get weaker': [/some muscles get strong(er)? while others get weak(er)?/],
  'calves or quadriceps can get tight and short and send pain to the hip': [/calves|calf/, /tight/, /refer|spread|send/],
  'cross-train with swimming, yoga, pilates or strength training': [/swimming/, /yoga/, /pilates/, /strength/],
  'add stretching and mobility work': [/stretch/, /mobility/],
  'new or experienced, notice discomfort or pain early': [/(new|beginner).{0,80}(experienced|years)|(experienced).{0,80}new/],
  'motion is medicine': [/(motion|movement) is (a kind of )?medicine/],
  'catch injuries early to cut time out': [/early/],
  'persistent pain: see a doctor or physical therapist': [/(lasts|persistent|keeps|does not go away|won't go away)/, /doctor or (a )?physical therapist/],
};

for (const [fact, patterns] of Object.entries(facts)) {
  test(`the content says: ${fact}`, () => {
    for (const p of patterns) assert.match(text, p, `no runner-facing text matches ${p}`);
  });
}
