import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderPanel } from './panel-harness';
import { observation } from '../unit/helpers';
import { CAUSES } from '@/lib/causes/taxonomy';
import { templateById } from '@/lib/replies/templates';

const ID = 'qianniu:1001';
const history = () => Array.from(screen.getByTestId('history').querySelectorAll('li')).map((li) => li.textContent ?? '');

describe('history', () => {
  it('shows every event with human labels in the panel language, never internal ids; no name reads as me', async () => {
    const user = userEvent.setup();
    const { workflow } = await renderPanel([observation({ content: '发错颜色了' })]);
    // What earlier versions stored: a copy recorded in Chinese with the template id, causes as codes, a nameless agent.
    await workflow.recordCopy(ID, '旺旺消息 · fulfillment_error.chat.confirm （已修改）', '小王');
    await workflow.setCauses(ID, [{ code: 'logistics_delay', triggers: [] }, { code: 'service_response', triggers: [] }], '小王');
    await workflow.addNote(ID, '买家周末在家', '');
    await user.click(await screen.findByRole('button', { name: 'English' }));
    await screen.findByRole('button', { name: '中文' });
    await waitFor(() => expect(document.querySelector('li[data-review-id="1001"]')).toBeTruthy());
    await user.click(within(document.querySelector('li[data-review-id="1001"]') as HTMLElement).getByRole('button'));
    await screen.findByTestId('review-text');
    const lines = history();
    const text = lines.join('\n');
    expect(text).not.toMatch(/fulfillment_error|logistics_delay|service_response/);
    expect(text).not.toMatch(/[旺改原因复制]/);
    const variant = templateById('fulfillment_error.chat.confirm')!.variant.en;
    expect(lines).toContainEqual(expect.stringContaining(`Copied wording · Chat message · ${CAUSES.fulfillment_error.en} · ${variant} (edited) · 小王`));
    expect(lines).toContainEqual(expect.stringContaining(`Causes corrected · ${CAUSES.logistics_delay.en}, ${CAUSES.service_response.en} · 小王`));
    expect(lines[0]).toMatch(/Note · 买家周末在家 · me$/);
  });

  it('in Chinese the same events read in Chinese, and the agent without a name is 我', async () => {
    const user = userEvent.setup();
    const { workflow } = await renderPanel([observation()]);
    await workflow.recordCopy(ID, 'Chat message · fulfillment_error.chat.confirm', '');
    await waitFor(() => expect(document.querySelector('li[data-review-id="1001"]')).toBeTruthy());
    await user.click(within(document.querySelector('li[data-review-id="1001"]') as HTMLElement).getByRole('button'));
    await screen.findByTestId('review-text');
    const variant = templateById('fulfillment_error.chat.confirm')!.variant.zh;
    await waitFor(() => expect(history()).toContainEqual(expect.stringContaining(`复制话术 · 旺旺消息 · ${CAUSES.fulfillment_error.zh} · ${variant} · 我`)));
  });
});
