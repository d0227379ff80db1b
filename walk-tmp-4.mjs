import { chromium } from '@playwright/test';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless','--no-sandbox','--disable-gpu','--disable-background-networking','--disable-component-update','--disable-sync','--no-first-run'] });
const B='http://localhost:4455';
for (const js of [true,false]) for (const path of ['someone-i-support','as-a-professional']) {
  const ctx = await browser.newContext({ viewport:{width:375,height:740}, javaScriptEnabled: js });
  const p = await ctx.newPage();
  await p.goto(B+'/refer/'+path+'/');
  const r = await p.evaluate(()=>[...document.querySelectorAll('main input, main textarea, main select')].map(el=>{
    const vis = !!(el.offsetParent || el.getClientRects().length);
    const id=el.id; const lab = document.querySelector(`label[for="${id}"]`)?.textContent.replace(/\s+/g,' ').trim();
    const cond = el.closest('[data-conditional], [data-show-when], [hidden], .conditional, [data-reveal]');
    return `${vis?'V':'-'} ${el.name}=${el.value} ${el.type} | ${lab} | ${cond? (cond.outerHTML.slice(0,160)):''}`;
  }));
  console.log(`\n### js=${js} ${path}\n`+r.filter(x=>!/radio|checkbox/.test(x)||x.startsWith('-')).join('\n'));
  // conditional wording for no-js
  if(!js){ const t = await p.evaluate(()=>[...document.querySelectorAll('main *')].filter(e=>/answer (this|if|only)|if you (selected|chose|answered)|only if/i.test(e.textContent) && e.children.length<3).map(e=>e.tagName+': '+e.textContent.replace(/\s+/g,' ').trim().slice(0,200))); console.log('COND TEXT:\n'+[...new Set(t)].join('\n')); }
  await ctx.close();
}
await browser.close();
