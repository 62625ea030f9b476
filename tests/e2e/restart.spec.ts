// A page left open while `flagdeck serve` restarts (the same port and token, another folder): it
// reconnects on its own and shows the new run's folder, not the old run's snapshot, whose revisions
// the new run's would otherwise have stayed below.
import { copyFolder, expect, fixture, removeCopy, startServe, test } from './support';

const TOKEN = 'e2e-restart-token-0123456789-abcdefghijkl';

test('a page left open across a restart of the server shows the new run’s folder', async ({ page }) => {
  const first = await copyFolder(fixture('gradio', '4.44.1', 'flagging_options', 'flagged'));
  const second = await copyFolder(fixture('gradio', '5.50.0', 'classic_logger', '.gradio', 'flagged'));
  const env = { FLAGDECK_TOKEN: TOKEN };
  const before = await startServe([first], { env, args: ['--allow-open-anywhere'] });
  let after: Awaited<ReturnType<typeof startServe>> | undefined;
  try {
    await page.goto(before.url);
    const chips = page.getByRole('list', { name: 'Open folders' }).getByRole('listitem');
    await expect(chips).toHaveCount(1);
    await expect(chips.first()).toContainText('1 log · 4 rows');
    // The page sees many snapshots in the first run (a folder opened and closed again and again): a
    // new run numbering its snapshots from scratch would stay below the one the page holds.
    const call = (name: string, input: object) =>
      fetch(`${before.origin}/api/${name}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${TOKEN}` },
        body: JSON.stringify(input),
      }).then(
        (response) => response.json() as Promise<{ value: { folders: { id: string; path: string }[] } }>,
      );
    for (let i = 0; i < 8; i++) {
      const { value } = await call('workspace.open', { paths: [second] });
      const opened = value.folders.find((folder) => folder.path === second);
      await call('workspace.close', { folderId: opened?.id });
    }
    await expect(chips).toHaveCount(1);
    await expect(chips.first()).toContainText('1 log · 4 rows');
    await before.stop();
    after = await startServe([second], { env, args: ['--port', String(before.port)] });
    await expect(chips.first()).toContainText('1 log · 2 rows', { timeout: 15_000 });
    await expect(chips).toHaveCount(1);
    await expect(page.locator('.tr[data-sample]')).toHaveCount(2);
  } finally {
    await after?.stop();
    await before.stop();
    await removeCopy(first);
    await removeCopy(second);
  }
});
