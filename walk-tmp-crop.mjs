import sharp from 'sharp';
import fs from 'node:fs';
const dir='/tmp/walk'; fs.mkdirSync(dir+'/chunks',{recursive:true});
const files=process.argv.slice(2);
for (const f of files) {
  const m = await sharp(f).metadata();
  const ch = m.width<=500?1400:1000;
  for (let y=0,i=0; y<m.height; y+=ch,i++) {
    const h=Math.min(ch,m.height-y);
    await sharp(f).extract({left:0,top:y,width:m.width,height:h}).toFile(`${dir}/chunks/${f.split('/').pop().replace('.png','')}-${String(i).padStart(2,'0')}.png`);
  }
}
