import { narrativeBlocks } from '@jixiao/core';

/**
 * A narrative section as the report has it: paragraphs, （一） subheadings, and its own tables (the funds table of
 * section 二 arrives as tab-separated rows) as tables rather than runs of spaced text.
 */
export const NarrativeBody = ({ body }: { body: string }) => (
  <div className="narrative-blocks">
    {narrativeBlocks(body).map((block, index) => {
      switch (block.kind) {
        case 'subheading':
          // biome-ignore lint/suspicious/noArrayIndexKey: the blocks of a published text never move
          return <h5 key={index}>{block.text}</h5>;
        case 'paragraph':
          // biome-ignore lint/suspicious/noArrayIndexKey: as above
          return <p key={index}>{block.text}</p>;
        case 'table':
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: as above
            <div key={index} className="portal-table-wrap narrative-table-wrap">
              <table className="portal-table narrative-table">
                <tbody>
                  {block.rows.map((row, rowIndex) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: as above
                    <tr key={rowIndex}>
                      {row.cells.map((cell, cellIndex) => (
                        // biome-ignore lint/suspicious/noArrayIndexKey: as above
                        <td key={cellIndex} colSpan={cell.colSpan > 1 ? cell.colSpan : undefined}>
                          {cell.text}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          );
        default:
          return block satisfies never;
      }
    })}
  </div>
);
