import {
  duplicateMessage,
  previewAttribution,
  tooManySourcedMessage,
  touchOf,
  type PanelRow,
  type PreviewContext,
} from '../attributionPreview';

const CONTEXT: PreviewContext = {
  model: 'Linear',
  amount: 100,
  closeDate: '2030-06-30',
  policy: { maxSourcedPartners: 1, influenceWindowDays: 180 },
};

const STORED: PanelRow[] = [
  { id: 'r1', name: 'ATT-1', partnerId: 'p1', partnerName: 'One', role: 'Influenced', touchDate: '2030-06-01' },
  { id: 'r2', name: 'ATT-2', partnerId: 'p2', partnerName: 'Two', role: 'Influenced', touchDate: '2030-06-02' },
];

describe('attributionPreview', () => {
  it('reads a Sourced row as a sourcing touch, with or without registration', () => {
    expect(touchOf({ partnerId: 'p', role: 'Sourced', sourceRegistrationId: 'reg' }, '2030-01-01')).toEqual({
      partnerId: 'p',
      touchDate: '2030-01-01',
      touchType: null,
      sourcedRegistrationId: 'reg',
    });
    expect(
      touchOf({ partnerId: 'p', role: 'Sourced', touchDate: '2030-02-02' }, '2030-01-01').sourcedRegistrationId,
    ).toBe('Sourced');
    expect(touchOf({ partnerId: 'p', role: 'Influenced', sourceRegistrationId: 'reg' }, '2030-01-01')).toMatchObject({
      sourcedRegistrationId: null,
    });
  });

  it('splits a three-way linear credit to the cent', () => {
    const preview = previewAttribution(
      CONTEXT,
      STORED,
      { partnerId: 'p3', partnerName: 'Three', role: 'Influenced', touchDate: '2030-06-03' },
      '2030-01-01',
    );
    expect(preview.valid).toBe(true);
    expect(preview.rows.map((row) => [row.partnerId, row.previewWeight, row.previewAmount])).toEqual([
      ['p1', 33.34, 33.34],
      ['p2', 33.33, 33.33],
      ['p3', 33.33, 33.33],
    ]);
    expect(preview.rows.filter((row) => row.isDraft).map((row) => row.partnerId)).toEqual(['p3']);
  });

  it('replaces the edited row and previews a removal', () => {
    const edited = previewAttribution(CONTEXT, STORED, { ...STORED[0], touchDate: '2030-07-15' }, '2030-01-01');
    expect(edited.rows.map((row) => [row.partnerId, row.previewWeight])).toEqual([
      ['p2', 100],
      ['p1', 0],
    ]);
    const removed = previewAttribution(CONTEXT, STORED, null, '2030-01-01', 'r1');
    expect(removed.rows.map((row) => [row.partnerId, row.previewWeight, row.previewAmount])).toEqual([
      ['p2', 100, 100],
    ]);
  });

  it('refuses duplicates and surplus Sourced partners with the server wording', () => {
    expect(
      previewAttribution(
        CONTEXT,
        STORED,
        { partnerId: 'p1', role: 'Influenced', touchDate: '2030-06-05' },
        '2030-01-01',
      ).errors,
    ).toEqual([duplicateMessage('Influenced', 'ATT-1')]);
    const sourced: PanelRow[] = [...STORED, { id: 'r3', partnerId: 'p3', role: 'Sourced', touchDate: '2030-05-01' }];
    const preview = previewAttribution(
      CONTEXT,
      sourced,
      { partnerId: 'p4', role: 'Sourced', touchDate: '2030-05-02' },
      '2030-01-01',
    );
    expect(preview.valid).toBe(false);
    expect(preview.errors).toEqual([tooManySourcedMessage(1, 2)]);
    expect(tooManySourcedMessage(2, 3)).toContain('At most 2 partners may be Sourced');
  });

  it('reports a credit the rule refuses', () => {
    const preview = previewAttribution({ ...CONTEXT, amount: -5 }, STORED, null, '2030-01-01');
    expect(preview.valid).toBe(false);
    expect(preview.errors).toEqual(['Partner attribution could not be computed: INVALID_AMOUNT.']);
  });
});
