import type { OutgoingMessage, ReceivedMessage } from '../messages';
import { runsByTrace } from './process-span';
import { sendTraced } from './publish-spans';
import { traceHeaders, withTraceContext } from './trace-context';

// No SDK in this process: what every service runs when tracing is off.
describe('trace context with tracing off', () => {
  const traced = (traceparent: string): OutgoingMessage => ({
    topic: 't',
    key: 'k',
    value: 'v',
    headers: { traceparent },
  });

  it('adds nothing to an event written now', () => {
    const messages: OutgoingMessage[] = [{ topic: 't', key: 'k', value: 'v' }];
    expect(traceHeaders()).toEqual({});
    expect(withTraceContext(messages)).toBe(messages);
  });

  it('applies a batch in one run, whatever its messages carry', () => {
    const received = ['00-a-1-01', '00-b-2-01'].map(
      (traceparent, i) =>
        ({ offset: String(i), headers: { traceparent } }) as unknown as ReceivedMessage,
    );
    expect(runsByTrace(received, (m) => m)).toEqual([received]);
  });

  it('sends a batch as it came, a context it carries passed on unchanged', async () => {
    const batch = [traced('00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01')];
    const sent: OutgoingMessage[][] = [];
    await sendTraced(batch, async (b) => void sent.push(b));
    expect(sent[0]![0]!.headers).toEqual(batch[0]!.headers);
  });
});
