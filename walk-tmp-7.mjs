import { chromium } from '@playwright/test';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless','--no-sandbox','--disable-gpu','--disable-background-networking','--disable-component-update','--disable-sync','--no-first-run'] });
const B='http://localhost:4455';
const js = process.argv[2]!=='nojs';
const ctx = await browser.newContext({ viewport:{width:375,height:740}, javaScriptEnabled: js });
const p = await ctx.newPage();
p.on('pageerror', e=>console.log('PAGEERR', e.message));
const h1 = async()=> p.url()+' | '+await p.title()+' | '+ (await p.locator('h1').first().innerText().catch(()=>'-'));
await p.goto(B+'/refer/');
await p.getByLabel(/professional/).check();
await p.getByRole('button',{name:'Continue'}).click();
await p.waitForLoadState('load');
await p.getByLabel('Your full name').fill('Jo Pro');
await p.getByLabel('Your organisation').fill('Org');
await p.getByLabel('Your role').fill('Teacher');
await p.getByLabel('Your phone number').fill('01452 000000');
await p.getByLabel('Your email address').fill('jo@example.org');
await p.locator('input[name=referrerEmailConfirmation][value=no]').check();
await p.getByLabel('Their full name').fill('Kid Person');
await p.getByLabel('Both, or not sure').check();
await p.locator('input[name=contactMethods][value=through-referrer], input[name=contactMethods]').last().check();
await p.locator('input[name=leaveMessage][value=no]').check();
await p.getByLabel(/school/).check();
await p.getByLabel('The person has agreed').check();
await p.getByRole('button',{name:'Continue'}).click();
await p.waitForLoadState('load'); await p.waitForTimeout(1500);
console.log('check:', await h1(), 'title-titles-check');
console.log('focused on check:', await p.evaluate(()=>document.activeElement.tagName+' '+document.activeElement.textContent.slice(0,60)));
// Click a Change link
const change = p.getByRole('link',{name:/Change their name/}).or(p.getByRole('button',{name:/Change their name/}));
console.log('change count', await change.count());
await change.first().click(); await p.waitForTimeout(1000);
console.log('after change:', await h1(), 'focused:', await p.evaluate(()=>document.activeElement.name||document.activeElement.tagName), 'value kept:', await p.getByLabel('Their full name').inputValue());
await p.getByRole('button',{name:'Continue'}).click();
await p.waitForLoadState('load'); await p.waitForTimeout(1500);
console.log('check again:', await h1());
// Browser back from check
await p.goBack(); await p.waitForTimeout(1500);
console.log('back from check:', await h1(), 'name value:', await p.getByLabel('Their full name').inputValue().catch(()=>'n/a'));
await p.goForward(); await p.waitForTimeout(1500);
console.log('forward:', await h1());
// send
const send = p.getByRole('button',{name:/Send referral/});
if (await send.count()) { await p.waitForTimeout(3000); await send.click(); await p.waitForLoadState('load'); await p.waitForTimeout(2500); }
console.log('sent:', await h1());
const ref1 = new URL(p.url()).searchParams.get('reference');
await p.goBack(); await p.waitForTimeout(1500);
console.log('back after send:', await h1());
const send2 = p.getByRole('button',{name:/Send referral/});
if (await send2.count()) { await send2.click(); await p.waitForLoadState('load'); await p.waitForTimeout(2500); console.log('sent again:', await h1(), 'same ref?', new URL(p.url()).searchParams.get('reference')===ref1); }
// reload of confirmation
await p.reload(); await p.waitForTimeout(800); console.log('reload conf:', await h1());
await browser.close();
