import type { EvaluationForm, NarrativeSection as Section } from '@jixiao/core';
import { Button, Card, Input, Space } from 'antd';
import { toChineseNumber } from '../portal/chinese-number.ts';
import type { FieldFlag } from './locate.ts';

type Props = {
  form: EvaluationForm;
  readOnly: boolean;
  onChange: (form: EvaluationForm) => void;
  flagged: (path: string) => FieldFlag;
};

const renumber = (sections: Section[]): Section[] =>
  sections.map((section, index) => ({ ...section, number: index + 1 }));

/** The narrative report (自评报告): its title and numbered sections 一 … 九. */
export const NarrativeSection = ({ form, readOnly, onChange, flagged }: Props) => {
  const { narrative } = form;
  const setSections = (sections: Section[]) => onChange({ ...form, narrative: { ...narrative, sections } });
  return (
    <Card id="section-narrative" title="自评报告" size="small">
      <Space orientation="vertical" style={{ width: '100%' }}>
        <label htmlFor="narrative-title">报告标题</label>
        <Input
          id="narrative-title"
          value={narrative.title}
          readOnly={readOnly}
          onChange={(event) => onChange({ ...form, narrative: { ...narrative, title: event.target.value } })}
        />
        {narrative.sections.map((section, index) => (
          <div key={section.number} id={`narrative-section-${section.number}`} className="narrative-section">
            <Space.Compact style={{ width: '100%' }}>
              <Space.Addon>{toChineseNumber(section.number)}、</Space.Addon>
              <Input
                aria-label={`第${toChineseNumber(section.number)}部分标题`}
                value={section.heading}
                readOnly={readOnly}
                onChange={(event) =>
                  setSections(
                    narrative.sections.map((item, at) =>
                      at === index ? { ...item, heading: event.target.value } : item,
                    ),
                  )
                }
              />
              {readOnly ? null : (
                <Button
                  danger
                  aria-label={`删除第${toChineseNumber(section.number)}部分`}
                  onClick={() => setSections(renumber(narrative.sections.filter((_, at) => at !== index)))}
                >
                  删除
                </Button>
              )}
            </Space.Compact>
            <Input.TextArea
              aria-label={`第${toChineseNumber(section.number)}部分正文`}
              autoSize={{ minRows: 3, maxRows: 16 }}
              value={section.body}
              readOnly={readOnly}
              status={flagged(`narrative.section${section.number}`)}
              onChange={(event) =>
                setSections(
                  narrative.sections.map((item, at) => (at === index ? { ...item, body: event.target.value } : item)),
                )
              }
            />
          </div>
        ))}
        {readOnly ? null : (
          <Button onClick={() => setSections(renumber([...narrative.sections, { number: 0, heading: '', body: '' }]))}>
            ＋ 添加一部分
          </Button>
        )}
      </Space>
    </Card>
  );
};
