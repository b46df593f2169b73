import { type MouseEvent, useState } from 'react';
import { downloadErrorMessage, fileNameFromDisposition, saveBlob } from './download-file.ts';

type Props = { href: string; label: string; className?: string };

type State = { kind: 'idle' } | { kind: 'working' } | { kind: 'failed'; message: string };

/**
 * A generated document's download that says it is being made: the first PDF of a server's life waits seconds for
 * Chromium to start, and a bare link showed nothing in that time. The link stays a real link (open in a new tab,
 * save as), and the bytes are fetched here so the page can show progress and the server's error in words.
 */
export const DocumentDownloadLink = ({ href, label, className }: Props) => {
  const [state, setState] = useState<State>({ kind: 'idle' });
  const download = async (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    if (state.kind === 'working') return;
    setState({ kind: 'working' });
    try {
      const response = await fetch(href, { credentials: 'same-origin' });
      if (!response.ok) {
        setState({ kind: 'failed', message: await downloadErrorMessage(response) });
        return;
      }
      const fallback = href.split('/').pop() ?? 'document';
      saveBlob(await response.blob(), fileNameFromDisposition(response.headers.get('content-disposition')) ?? fallback);
      setState({ kind: 'idle' });
    } catch {
      setState({ kind: 'failed', message: '下载失败，请检查网络后重试' });
    }
  };
  return (
    <>
      <a href={href} className={className} aria-busy={state.kind === 'working'} onClick={download}>
        {state.kind === 'working' ? `正在生成${label}…` : `下载${label}`}
      </a>
      {state.kind === 'failed' ? (
        <span role="alert" className="download-error">
          {label}：{state.message}
        </span>
      ) : null}
    </>
  );
};
