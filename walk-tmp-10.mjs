import { chromium } from '@playwright/test';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless','--no-sandbox','--disable-gpu','--disable-background-networking','--disable-component-update','--disable-sync','--no-first-run'] });
const ctx = await browser.newContext({ viewport:{width:1280,height:900} });
const p = await ctx.newPage();
await p.goto('http://localhost:4455/volunteer/apply/');
console.log((await p.evaluate(()=>document.querySelector('main').innerText)).replace(/\n{2,}/g,'\n'));
console.log(await p.evaluate(()=>[...document.querySelectorAll('main input, main textarea, main select, main button, main a')].filter(e=>e.getClientRects().length).map(e=>`${e.tagName} ${e.type||''} ${e.name||''} ${e.value&&e.type!=='text'?'='+e.value:''} ${e.tabIndex} ${e.getAttribute('autocomplete')||''} ${e.getAttribute('inputmode')||''}`).join('\n')));
await browser.close();
