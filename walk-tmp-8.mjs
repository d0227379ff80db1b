import { chromium } from '@playwright/test';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless','--no-sandbox','--disable-gpu','--disable-background-networking','--disable-component-update','--disable-sync','--no-first-run'] });
const B='http://localhost:4455';
const mode = process.argv[2]; const js = process.argv[3]==='js';
const ctx = await browser.newContext({ viewport:{width:375,height:740}, javaScriptEnabled: js });
const p = await ctx.newPage();
const h1 = async()=> p.url()+' | '+await p.title()+' | visible h1: '+ (await p.locator('h1:visible').allInnerTexts().catch(()=>[])).join(' / ');
const back = async(label)=>{ try { await p.goBack({timeout:5000}); await p.waitForTimeout(1200); console.log(label, await h1()); } catch(e){ console.log(label, 'ERROR', e.message.split('\n')[0]); } };
const fill = async()=>{
await p.getByLabel('Your full name').fill('Jo Pro');
await p.getByLabel('Your organisation').fill('Org');
await p.getByLabel('Your role').fill('Teacher');
await p.getByLabel('Your phone number').fill('01452 000000');
await p.getByLabel('Your email address').fill('jo@example.org');
await p.locator('input[name=referrerEmailConfirmation][value=no]').check();
await p.getByLabel('Their full name').fill('Kid Person');
await p.getByLabel('Both, or not sure').check();
await p.locator('input[name=contactMethods]').last().check();
await p.locator('input[name=leaveMessage][value=no]').check();
await p.getByLabel(/school/).check();
await p.getByLabel('The person has agreed').check();
};
const cont = async()=>{ await p.getByRole('button',{name:'Continue'}).click(); await p.waitForLoadState('load'); await p.waitForTimeout(1500); console.log('continue ->', await h1()); };
const send = async()=>{ await p.waitForTimeout(2500); await p.getByRole('button',{name:/Send referral/}).click(); await p.waitForLoadState('load'); await p.waitForTimeout(2500); console.log('send ->', await h1()); };
await p.goto(B+'/refer/as-a-professional/');
if (mode==='A') { await fill(); await cont(); await p.getByRole('link',{name:/Change their name/}).or(p.getByRole('button',{name:/Change their name/})).first().click(); await p.waitForLoadState('load'); await p.waitForTimeout(1000); console.log('change ->', await h1()); await cont(); await send(); await back('back1'); await back('back2'); await back('back3'); }
if (mode==='B') { await p.getByLabel('Your full name').fill('Jo'); await cont(); await fill(); await cont(); await send(); await back('back1'); await back('back2'); await back('back3'); }
if (mode==='C') { await fill(); await cont(); await back('back from check'); await p.goForward(); await p.waitForTimeout(1500); console.log('forward', await h1(), 'name=', await p.getByLabel('Their full name').inputValue().catch(()=>'n/a')); }
if (mode==='D') { await fill(); await cont(); await send(); await back('back1'); await back('back2'); }
await browser.close();
