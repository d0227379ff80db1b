import { chromium } from '@playwright/test';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless','--no-sandbox','--disable-gpu','--disable-background-networking','--disable-component-update','--disable-sync','--no-first-run'] });
const B='http://localhost:4455';
const js = process.argv[2]!=='nojs';
const ctx = await browser.newContext({ viewport:{width:375,height:740}, javaScriptEnabled: js });
const p = await ctx.newPage();
p.on('pageerror', e=>console.log('PAGEERR', e.message));
const main = async()=> (await p.evaluate(()=>document.querySelector('main').innerText)).replace(/\n{2,}/g,'\n');
// supporter no-js: full
await p.goto(B+'/refer/someone-i-support/');
await p.getByLabel('Your full name').fill('Pat');
await p.getByLabel('Your phone number').fill('call me');
await p.getByLabel('Your email address').fill('pat@@example');
await p.locator('input[name=referrerEmailConfirmation][value=yes]').check();
await p.getByLabel('Their full name').fill('<img src=x onerror=alert(1)>');
await p.getByLabel('They caused harm').check();
await p.locator('input[name=contactMethods][value=phone]').check();
await p.locator('input[name=contactMethods][value=email]').check();
if (!js) {} 
await p.getByLabel('Their phone number').fill('call me');
await p.getByLabel('Their email address').fill('not-an-email');
await p.locator('input[name=leaveMessage][value=yes]').check();
await p.getByLabel('Somewhere else').check();
await p.getByLabel('What happened, briefly').evaluate((el)=>{ el.removeAttribute('maxlength'); });
await p.getByLabel('What happened, briefly').fill('x'.repeat(1001));
await p.getByLabel('An interpreter', {exact:true}).check();
await p.getByLabel('The person has agreed').check();
console.log('maxlength attrs:', await p.evaluate(()=>[...document.querySelectorAll('main textarea, main input')].filter(e=>e.maxLength>0).map(e=>e.name+':'+e.maxLength).join(', ')));
// count shown?
console.log('char count text:', await p.evaluate(()=>[...document.querySelectorAll('[id*=count], .character-count, [data-count]')].map(e=>e.textContent.trim()).join(' | ')));
await p.getByRole('button',{name:'Continue'}).click();
await p.waitForLoadState('load'); await p.waitForTimeout(1500);
const t = await main();
console.log('#### AFTER BAD INPUT', p.url(), '\n', t.split('\n').filter(l=>/problem|Enter|Error|Select|must|characters|phone|email|language/i.test(l)).join('\n'));
console.log('focused:', await p.evaluate(()=>document.activeElement.outerHTML.slice(0,150)));
await p.screenshot({path:`/tmp/walk/bad-${js?'js':'nojs'}.png`, fullPage:true});
await browser.close();
