import { chromium } from '@playwright/test';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless','--no-sandbox','--disable-gpu','--disable-background-networking','--disable-component-update','--disable-sync','--no-first-run'] });
const B='http://localhost:4455';
const js = process.argv[2]!=='nojs';
const ctx = await browser.newContext({ viewport:{width:375,height:740}, javaScriptEnabled: js });
const p = await ctx.newPage();
const dump = async (label)=>{
  const t = await p.evaluate(()=>{
    const m=document.querySelector('main')||document.body;
    const out=[];
    const walk=(el)=>{
      for (const n of el.childNodes){
        if(n.nodeType===3){const s=n.textContent.replace(/\s+/g,' ').trim(); if(s) out.push(s);}
        else if(n.nodeType===1){
          const cs=getComputedStyle(n); if(cs.display==='none'||n.hidden) continue;
          const tag=n.tagName;
          if(['INPUT','SELECT','TEXTAREA'].includes(tag)){ out.push(`[${tag} ${n.type||''} name=${n.name} ${n.required?'required':''} ${n.getAttribute('aria-describedby')?'desc='+n.getAttribute('aria-describedby'):''} ${n.getAttribute('autocomplete')?'ac='+n.getAttribute('autocomplete'):''} ${n.maxLength>0?'max='+n.maxLength:''}]`); if(tag==='SELECT'){out.push('{'+[...n.options].map(o=>o.text).join('|')+'}')} continue;}
          if(/^H[1-6]$|LEGEND|LABEL|BUTTON|^P$|LI|DT|DD/.test(tag)) out.push('\n'+tag+': ');
          walk(n);
        }
      }
    };
    walk(m); return out.join(' ');
  });
  console.log(`\n########## ${label} (${p.url()})\n`+t);
};
await p.goto(B+'/refer/');
await dump('start');
const answers = await p.$$eval('input[type=radio]', a=>a.map(x=>x.value));
console.log('answers', answers);
const which = Number(process.argv[3]||0);
await p.locator('input[type=radio]').nth(which).check();
await p.getByRole('button',{name:/continue/i}).click();
await p.waitForLoadState('load'); await p.waitForTimeout(500);
await dump('after choice '+which);
// submit empty
const btn = p.locator('main button[type=submit], main button:not([type])').last();
console.log('button text:', await btn.textContent());
await btn.click();
await p.waitForLoadState('load'); await p.waitForTimeout(800);
await dump('after empty submit');
await p.screenshot({path:`/tmp/walk/refer-${which}-${js?'js':'nojs'}-errors.png`, fullPage:true});
await browser.close();
