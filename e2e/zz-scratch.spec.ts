import { expect, test } from './fixtures';
import { open } from './helpers';

test('scratch', async ({ page }) => {
  await page.setViewportSize({ width: 1400, height: 850 });
  await open(page);
  await page.getByRole('button', { name: 'Gallery' }).click();
  await page.getByRole('dialog').getByRole('button', { name: /Open Work queues|Work queues/ }).first().click();
  await page.screenshot({ path: '/tmp/s1.png' });
  await page.getByRole('button', { name: 'Share' }).click();
  await page.waitForTimeout(300);
  await page.screenshot({ path: '/tmp/s2.png' });
  const link = await page.getByRole('textbox', { name: 'Link' }).inputValue();
  console.log(link.length, link.slice(0, 80));
  await page.keyboard.press('Escape');
  await page.goto(link);
  await page.waitForTimeout(500);
  await page.screenshot({ path: '/tmp/s3.png' });
  await page.goto(link + '&embed=1');
  await page.waitForTimeout(500);
  await page.screenshot({ path: '/tmp/s4.png' });
});
