#!/usr/bin/env python3
"""Writes the spec cohort (input/*.csv) and expected.csv, from the spec alone.

Every row below is a deliberate case; its expectation is written by hand next to it
(pathway, extent, rules, priority, flags; the goal and trial_discussion follow from
rules.md tables 4 "Treatment goal" and 5). Line numbers are counted by this script
from the bytes it writes, so that format features (CRLF, blank lines, quoted line
breaks) do not have to be counted by hand.

Run: python3 make_cohort.py   (from this folder)
"""
import csv, io, os, datetime

HERE = os.path.dirname(os.path.abspath(__file__))
IN = os.path.join(HERE, 'input')
RUN = datetime.date(2026, 11, 27)

OPT = {'LR1': 'CHEMORADIATION', 'LR2': 'ABDOMINOPERINEAL_RESECTION', 'LR3': 'WIDE_LOCAL_EXCISION',
       'LR4': 'CHEMOTHERAPY', 'LR5': 'RADIATION_ALONE', 'DM1': 'CHEMOTHERAPY', 'DM2': 'CHEMORADIATION',
       'DM3': 'PALLIATIVE_RADIATION', 'DM4': 'PALLIATIVE_EXCISION', 'SC1': 'SUPPORTIVE_CARE'}
COLS = ['patient_id', 'birth_date', 'sex', 'province', 'primary_site', 'histology', 'recurrence_date',
        'recurrence_type', 'recurrence_sites', 'prior_treatments', 'surgery_possible', 'symptoms', 'ecog',
        'treatment_wish']

LOC, DIS, UND, NRC, OOS = 'LOCAL_RECURRENCE', 'DISTANT_METASTASIS', 'UNDETERMINED', 'NOT_RECURRENT', 'OUT_OF_SCOPE'
CONF, UNK, MISS, NOREC, PRIOR, NOSTD, SURG, SYMP = ('RECURRENCE_TYPE_SITE_CONFLICT', 'UNKNOWN_SITE_TERM',
    'RECURRENCE_SITE_MISSING', 'NO_RECURRENCE_RECORDED', 'PRIOR_TREATMENT_MISSING', 'NO_STANDARD_OPTION',
    'SURGICAL_ASSESSMENT_NEEDED', 'SYMPTOMS_WITHOUT_LOCAL_TUMOUR')

# rotating "background" values for the columns a case does not care about (all valid)
BIRTHS = ['1950-03-14', '1961-07-01', '1972-12-31', '1945-01-01', '1958-09-30', '', '1939-06-15', '1980-02-29']
RECS = ['2025-06-30', '2024-01-15', '', '2026-03-03', '2023-10-10', '2026-11-01']
PROVS = ['AB', 'BC', 'MB', 'NB', 'NL', 'NS', 'NT', 'NU', 'ON', 'PE', 'QC', 'SK', 'YT', '', 'on', 'qc', 'Yt', 'bc']
SEXES = ['F', 'M', 'X', 'U', '', 'f', 'm', 'x', 'u']
# rules v2 reads histology and ECOG: the background is squamous (or empty) and ECOG 0-2, so that only the
# cases that set them test them
HISTS = ['8070/3', '8077/3', '8123/3', '', '8071/9', '8070/6', ' 8083/3 ', '8124/3']
ECOGS = ['0', '1', '2', '']

files = {'cohort-a.csv': [], 'cohort-b.csv': [], 'cohort-c.csv': []}
counter = [0]


def age(b, r):
    if not b:
        return ''
    b = datetime.date.fromisoformat(b)
    r = datetime.date.fromisoformat(r) if r else RUN
    return str(r.year - b.year - ((r.month, r.day) < (b.month, b.day)))


# rules.md version 2 (section 0): the rows whose expectation changed from version 1, written by hand from
# rules v2 (flags in their declared order). v1's expectation stays at the row, for the record.
PERS, NONSQ, HNS, PNI, PIS, ISR, NODAL, POOR = ('PERSISTENT_DISEASE', 'NON_SQUAMOUS_HISTOLOGY',
    'HISTOLOGY_NOT_SPECIFIC', 'PRIMARY_NOT_INVASIVE', 'PRIMARY_IN_SITU', 'IN_SITU_RECURRENCE', 'NODAL_RECURRENCE_ONLY',
    'POOR_PERFORMANCE_STATUS')
WITHHELD = {NONSQ, PNI, ISR}
V2 = {
    # codes 16, 17, 26, 27, 36, 46: a recurrence of an in situ primary, the options and PRIMARY_IN_SITU
    'PS-C445': ('LOCAL_RECURRENCE', 'LOCAL', 'LR2;LR3', 'ROUTINE', PIS),
    'PS-perianal-up': ('LOCAL_RECURRENCE', 'LOCAL', 'LR2;LR3', 'ROUTINE', PIS),
    'PS-margin': ('LOCAL_RECURRENCE', 'LOCAL', 'LR2;LR3', 'ROUTINE', PIS),
    'PS-canal-LR2only': ('LOCAL_RECURRENCE', 'LOCAL', 'LR2', 'ROUTINE', PIS),
    'RT-16': ('LOCAL_RECURRENCE', 'LOCAL', 'LR1;LR5', 'ROUTINE', PIS),
    'RT-17': ('LOCAL_RECURRENCE', 'LOCAL', 'LR1;LR5', 'ROUTINE', PIS),
    'RT-26': ('LOCAL_RECURRENCE', 'LOCOREGIONAL', '', 'HIGH', PIS + ';NO_STANDARD_OPTION'),
    'RT-27': ('LOCAL_RECURRENCE', 'LOCOREGIONAL', 'LR1;LR5', 'ROUTINE', PIS),
    'RT-36': ('LOCAL_RECURRENCE', 'LOCOREGIONAL', 'LR2', 'ROUTINE', PIS + ';SURGICAL_ASSESSMENT_NEEDED'),
    'RT-46': ('DISTANT_METASTASIS', 'DISTANT', 'DM1;DM2', 'HIGH', PIS),
    'CF1-36-lung': ('DISTANT_METASTASIS', 'DISTANT', 'DM1;DM2', 'HIGH', 'RECURRENCE_TYPE_SITE_CONFLICT;' + PIS),
    'CF1-27-brain': ('DISTANT_METASTASIS', 'DISTANT', 'DM1;DM2', 'HIGH', 'RECURRENCE_TYPE_SITE_CONFLICT;' + PIS),
    'MORE-46-anus': ('DISTANT_METASTASIS', 'DISTANT', 'DM1;DM2', 'HIGH', 'RECURRENCE_TYPE_SITE_CONFLICT;' + PIS),
    # code 36 is disease at the anus: DM3 stays
    'DM-36-lung-bleed-no': ('DISTANT_METASTASIS', 'DISTANT', 'DM1;DM2;DM3', 'HIGH',
                            'RECURRENCE_TYPE_SITE_CONFLICT;' + PIS),
    # codes 04 and 06 on the local pathway: in situ recurrence, no options, no trial (T1)
    'RT-04': ('LOCAL_RECURRENCE', 'LOCAL', '', 'NONE', ISR),
    'RT-06': ('LOCAL_RECURRENCE', 'LOCAL', '', 'NONE', ISR),
    # code 70: persistent disease (P4b without a site; beside sites they decide, no conflict)
    'RT-70': ('UNDETERMINED', '', '', 'ROUTINE', PERS),
    'SC-notrec': ('UNDETERMINED', '', 'SC1', 'NONE', PERS),
    'CF3-70-liver': ('DISTANT_METASTASIS', 'DISTANT', 'DM1;DM2', 'HIGH', PERS),
    'CF3-70-anus-LR4': ('LOCAL_RECURRENCE', 'LOCAL', 'LR4', 'HIGH', PERS),
    'MORE-70-unknown': ('UNDETERMINED', '', '', 'ROUTINE', 'UNKNOWN_SITE_TERM;' + PERS),
    'MORE-70-inguinal-rad': ('LOCAL_RECURRENCE', 'LOCOREGIONAL', '', 'HIGH', PERS + ';NO_STANDARD_OPTION;' + NODAL),
    # regional nodes only: no LR2/LR3, NODAL_RECURRENCE_ONLY (and NO_STANDARD_OPTION when nothing is left)
    'RT-22': ('LOCAL_RECURRENCE', 'LOCOREGIONAL', '', 'HIGH', 'NO_STANDARD_OPTION;' + NODAL),
    'CF3-00-inguinal': ('LOCAL_RECURRENCE', 'LOCOREGIONAL', 'LR1;LR5', 'ROUTINE', 'RECURRENCE_TYPE_SITE_CONFLICT;' + NODAL),
    'MORE-88-inguinal': ('LOCAL_RECURRENCE', 'LOCOREGIONAL', 'LR1;LR5', 'ROUTINE', NODAL),
    # code 20 is next to the anus, not at it: LR2 without LR3
    'LR-peri-regional': ('LOCAL_RECURRENCE', 'LOCOREGIONAL', 'LR2', 'ROUTINE', 'SURGICAL_ASSESSMENT_NEEDED'),
    # DM3/DM4 need disease at the anus; a node, code 04 or code 22 is not
    'DM-regional-bleed': ('DISTANT_METASTASIS', 'DISTANT', 'DM1;DM2', 'HIGH', 'SYMPTOMS_WITHOUT_LOCAL_TUMOUR'),
    'DM-04-bone-pain': ('DISTANT_METASTASIS', 'DISTANT', 'DM1;DM2', 'HIGH',
                        'RECURRENCE_TYPE_SITE_CONFLICT;SYMPTOMS_WITHOUT_LOCAL_TUMOUR'),
    'DM-88-regional-pain': ('DISTANT_METASTASIS', 'DISTANT', 'DM1;DM2', 'HIGH', 'SYMPTOMS_WITHOUT_LOCAL_TUMOUR'),
    'MORE-22-liver-bleed-no': ('DISTANT_METASTASIS', 'DISTANT', 'DM1;DM2', 'HIGH',
                               'RECURRENCE_TYPE_SITE_CONFLICT;SYMPTOMS_WITHOUT_LOCAL_TUMOUR'),
    # histology (section 1) and ECOG (section 4)
    'HIST-8077_2': ('LOCAL_RECURRENCE', 'LOCAL', 'LR1;LR5', 'ROUTINE', PIS),
    'HIST-8000_9': ('LOCAL_RECURRENCE', 'LOCAL', 'LR1;LR5', 'ROUTINE', HNS),
    'HIST-8010_1': ('LOCAL_RECURRENCE', 'LOCAL', '', 'NONE', PNI),
    'HIST-8000_0': ('LOCAL_RECURRENCE', 'LOCAL', '', 'NONE', PNI),
    'ECOG-4': ('LOCAL_RECURRENCE', 'LOCAL', 'LR1;LR5', 'ROUTINE', POOR),
}
for t in ['mesorectal_nodes', 'perirectal_nodes', 'internal_iliac_nodes', 'external_iliac_nodes', 'inguinal_nodes',
          'regional_nodes']:
    V2['ST-' + t] = ('LOCAL_RECURRENCE', 'LOCOREGIONAL', 'LR1;LR5', 'ROUTINE', NODAL)


def row(f, pid, site, rtype='', sites='', prior='', sp='', sym='', wish='', *, exp=None, rej=None, msg=(),
        out_site=None, age_exp=None, raw=None, **other):
    """exp = (pathway, extent, rules 'LR1;LR5', priority, flags 'A;B'); rej = reason code."""
    i = counter[0]
    counter[0] += 1
    cells = {'patient_id': pid, 'primary_site': site, 'recurrence_type': rtype, 'recurrence_sites': sites,
             'prior_treatments': prior, 'surgery_possible': sp, 'symptoms': sym, 'treatment_wish': wish,
             'birth_date': BIRTHS[i % len(BIRTHS)], 'recurrence_date': RECS[i % len(RECS)],
             'province': PROVS[i % len(PROVS)], 'sex': SEXES[i % len(SEXES)], 'histology': HISTS[i % len(HISTS)],
             'ecog': ECOGS[i % len(ECOGS)], 'notes': ''}
    cells.update(other)
    e = {'patient_id': pid}
    if rej:
        e['reason_code'] = rej
        e['message_contains'] = ';'.join(msg)
    else:
        pathway, extent, rules, prio, flags = V2.get(pid, exp)
        rl = [r for r in rules.split(';') if r]
        e.update(pathway=pathway, extent=extent, rules=';'.join(rl), options=';'.join(OPT[r] for r in rl),
                 treatment_goal='' if WITHHELD & set(flags.split(';')) else 'COMFORT_CARE' if 'SC1' in rl
                 else {DIS: 'CONTROL_AND_PALLIATION', LOC: 'TREAT_RECURRENCE'}.get(pathway, ''),
                 trial_discussion='false' if prio == 'NONE' else 'true', trial_priority=prio, review_flags=flags,
                 age_at_recurrence=age_exp if age_exp is not None else age(cells['birth_date'].strip(),
                                                                           cells['recurrence_date'].strip()),
                 province=cells['province'].strip().upper(),
                 primary_site=out_site if out_site is not None else site)
    files[f].append((cells, e, raw))


def E(p, x, r, pr, fl=''):
    return (p, x, r, pr, fl)


A, B, C = 'cohort-a.csv', 'cohort-b.csv', 'cohort-c.csv'
L1 = E(LOC, 'LOCAL', 'LR1;LR5', 'ROUTINE')
LR1 = E(LOC, 'LOCOREGIONAL', 'LR1;LR5', 'ROUTINE')

# ---------------------------------------------------------------- file A: BOM, CRLF, reordered headers, extra column
# primary site forms and scope (section 1); local pathway, prior surgery only -> LR1;LR5
row(A, 'PS-C21.0', 'C21.0', '10', '', 'surgery', exp=L1)
row(A, 'PS-C210', 'C210', '10', '', 'surgery', exp=L1, out_site='C21.0')
row(A, 'PS-C21.1', 'C21.1', '10', '', 'surgery', exp=L1)
row(A, 'PS-C211', 'C211', '10', '', 'surgery', exp=L1, out_site='C21.1')
row(A, 'PS-C21.2', 'C21.2', '', 'anus', 'surgery', exp=L1)
row(A, 'PS-C212', 'C212', '', 'anus', 'surgery', exp=L1, out_site='C21.2')
row(A, 'PS-C21.8', 'C21.8', '13', '', 'surgery', exp=L1)
row(A, 'PS-C218', 'C218', '13', '', 'surgery', exp=L1, out_site='C21.8')
row(A, 'PS-anus', 'anus', '14', '', 'surgery', exp=L1)
row(A, 'PS-anal-canal-sp', 'Anal Canal', '14', '', 'surgery', exp=L1, out_site='anal_canal')
row(A, 'PS-anal-canal-hy', 'anal-canal', '15', '', 'surgery', exp=L1, out_site='anal_canal')
row(A, 'PS-C44.5', 'C44.5', '15', '', 'surgery', exp=L1)
row(A, 'PS-C445', 'C445', '16', '', 'chemoradiation', 'yes', exp=E(LOC, 'LOCAL', 'LR2;LR3', 'ROUTINE'), out_site='C44.5')
row(A, 'PS-perianal-up', 'PERIANAL SKIN', '16', '', 'chemoradiation', 'yes', exp=E(LOC, 'LOCAL', 'LR2;LR3', 'ROUTINE'),
    out_site='perianal_skin')
row(A, 'PS-margin', 'Anal_Margin', '17', '', 'chemoradiation', 'Yes', exp=E(LOC, 'LOCAL', 'LR2;LR3', 'ROUTINE'),
    out_site='anal_margin')
row(A, 'PS-canal-LR2only', 'anal_canal', '17', '', 'chemoradiation', 'yes', exp=E(LOC, 'LOCAL', 'LR2', 'ROUTINE'))
row(A, 'OOS-C18.7', 'C18.7', '10', '', 'surgery', exp=E(OOS, '', '', 'NONE'))
row(A, 'OOS-C187', 'C187', '10', '', 'surgery', exp=E(OOS, '', '', 'NONE'), out_site='C18.7')
row(A, 'OOS-C20.9-liver', 'C20.9', '', 'liver', '', '', 'pain', exp=E(OOS, '', '', 'NONE'))
row(A, 'OOS-C44.4-declines', 'C44.4', '10', 'anus', 'surgery', '', '', 'declines_treatment', exp=E(OOS, '', '', 'NONE'))
row(A, 'OOS-C34.1-unknown', 'C34.1', '', 'spleen', 'surgery', exp=E(OOS, '', '', 'NONE'))
row(A, 'OOS-C50.9-conflict', 'C50.9', '10', 'liver', 'radiation', exp=E(OOS, '', '', 'NONE'))
row(A, 'OOS-C19.9-empty', 'C19.9', '', '', '', exp=E(OOS, '', '', 'NONE'))
row(A, 'OOS-C18.7-code00', 'C18.7', '00', '', '', exp=E(OOS, '', '', 'NONE'))

# every accepted NAACCR code alone (no site)
row(A, 'RT-04', 'C21.1', '04', '', 'surgery', exp=L1)
row(A, 'RT-06', 'C21.1', '06', '', 'chemotherapy', exp=E(LOC, 'LOCAL', 'LR5', 'ROUTINE'))
row(A, 'RT-10-radiation', 'C21.1', '10', '', 'radiation', exp=E(LOC, 'LOCAL', '', 'HIGH', NOSTD))
row(A, 'RT-13-crt-no', 'C21.1', '13', '', 'chemoradiation', 'no', exp=E(LOC, 'LOCAL', 'LR4', 'HIGH'))
row(A, 'RT-14-crt-unk', 'C21.1', '14', '', 'chemoradiation', 'unknown', exp=E(LOC, 'LOCAL', 'LR2', 'ROUTINE', SURG))
row(A, 'RT-15-noprior', 'C21.1', '15', '', '', exp=E(LOC, 'LOCAL', '', 'ROUTINE', PRIOR))
row(A, 'RT-16', 'C21.1', ' 16 ', '', 'surgery', exp=L1)
row(A, 'RT-17', 'C21.1', '17', '', 'surgery', exp=L1)
row(A, 'RT-20', 'C21.1', '20', '', 'surgery', exp=LR1)
row(A, 'RT-21', 'C21.1', '21', '', 'chemoradiation', 'no', exp=E(LOC, 'LOCOREGIONAL', 'LR4', 'HIGH'))
row(A, 'RT-22', 'C21.1', '22', '', 'chemoradiation', 'yes', exp=E(LOC, 'LOCOREGIONAL', 'LR2', 'ROUTINE'))
row(A, 'RT-25', 'C21.1', '25', '', 'surgery', exp=LR1)
row(A, 'RT-26', 'C21.1', '26', '', 'radiation', exp=E(LOC, 'LOCOREGIONAL', '', 'HIGH', NOSTD))
row(A, 'RT-27', 'C21.1', '27', '', 'surgery', exp=LR1)
row(A, 'RT-30', 'C21.1', '30', '', 'surgery', exp=LR1)
row(A, 'RT-36', 'C21.1', '36', '', 'chemoradiation', '', exp=E(LOC, 'LOCOREGIONAL', 'LR2', 'ROUTINE', SURG))
D12 = E(DIS, 'DISTANT', 'DM1;DM2', 'HIGH')
for code in ['40', '46', '51', '52', '53', '54', '55', '56', '57', '58', '59', '62']:
    row(A, 'RT-' + code, 'C21.1', code, '', 'chemoradiation', 'no', exp=D12)
row(A, 'RT-60', 'C21.1', '60', '', 'surgery', 'yes', exp=D12)
row(A, 'RT-00', 'C21.1', '00', '', 'surgery', exp=E(NRC, '', '', 'NONE', NOREC))
row(A, 'RT-70', 'C21.1', '70', '', 'chemoradiation', 'no', exp=E(NRC, '', '', 'NONE', NOREC))
row(A, 'RT-88', 'C21.1', '88', '', 'surgery', exp=E(UND, '', '', 'ROUTINE', MISS))
row(A, 'RT-99', 'C21.1', '99', '', 'radiation', exp=E(UND, '', '', 'ROUTINE', MISS))
row(A, 'RT-none', 'C21.1', '', '', '', exp=E(UND, '', '', 'ROUTINE', MISS))
row(A, 'RT-00-pain', 'C21.1', '00', '', '', '', 'pain', exp=E(NRC, '', '', 'NONE', NOREC))

# format features in file A: quoted cells with commas, doubled quotes, line breaks (in the extra column and in data)
row(A, 'FMT-quoted-comma', 'C21.1', '', 'anus; inguinal_nodes', 'surgery', exp=LR1, notes='seen in clinic, twice')
row(A, 'FMT-doubled-quote', 'C21.1', '10', '', 'surgery', exp=L1, notes='patient said "no more" today')
row(A, 'FMT-line-break', 'C21.1', '10', '', 'surgery', exp=L1, notes='first line\r\nsecond line\r\nthird')
row(A, 'FMT-after-break', 'C21.1', '10', '', 'surgery', exp=L1)
row(A, 'FMT-sym-comma', 'C21.1', '', 'liver', 'surgery', '', 'pain, severe;weight loss', exp=D12)
row(A, 'FMT-quoted-id', 'C21.1', '10', '', 'surgery', exp=L1, raw={'patient_id': '"FMT-quoted-id"'})
# rejects in A
row(A, 'REJ-too-many-cells', 'C21.1', '10', '', 'surgery', rej='MALFORMED_RECORD', msg=(),
    raw={'__extra__': 'surplus'})
row(A, '', 'C21.1', '10', '', 'surgery', rej='MISSING_REQUIRED', msg=('patient_id',))
row(A, 'X' * 65, 'C21.1', '10', '', 'surgery', rej='INVALID_VALUE', msg=('patient_id',))
row(A, 'REJ-multi-1', 'C21.1', '10', '', 'surgery', rej='INVALID_VALUE',
    msg=('birth_date', '2023-02-29', 'sex', 'female', 'province', 'CA-ON'),
    birth_date='2023-02-29', sex='female', province='CA-ON')
row(A, 'REJ-multi-2', 'C21.1', '50', '', 'surgery', 'maybe', rej='INVALID_VALUE',
    msg=('recurrence_type', '50', 'histology', '80703', 'surgery_possible', 'maybe'), histology='80703')
row(A, 'REJ-multi-3', 'C21.1', '10', '', 'surgery', '', '', 'wants', rej='INVALID_VALUE',
    msg=('recurrence_date', '2026/01/05', 'treatment_wish', 'wants', 'ecog', '-1'), recurrence_date='2026/01/05',
    ecog='-1')
row(A, 'DUP-first-rejected', 'C21.1', '10', '', 'surgery', rej='INCONSISTENT_DATES', msg=('2027-01-01',),
    birth_date='2027-01-01', recurrence_date='')
row(A, 'DUP-in-a', 'C21.1', '10', '', 'surgery', exp=L1)
row(A, 'DUP-in-a', 'C21.1', '40', '', 'surgery', rej='DUPLICATE_PATIENT_ID', msg=('DUP-in-a',))
row(A, 'DUP-across', 'C21.1', '20', '', 'surgery', exp=LR1)
row(A, 'DUP-invalid-too', 'C21.1', '20', '', 'surgery', exp=LR1)

# ---------------------------------------------------------------- file B: plain header, LF, no final newline
LT = ['anus', 'anal_canal', 'anal_margin', 'perianal_skin', 'perineum']
RT = ['rectum', 'adjacent_organ', 'mesorectal_nodes', 'perirectal_nodes', 'internal_iliac_nodes',
      'external_iliac_nodes', 'inguinal_nodes', 'regional_nodes']
DT = ['common_iliac_nodes', 'para_aortic_nodes', 'distant_nodes', 'liver', 'lung', 'pleura', 'bone', 'brain',
      'peritoneum', 'distant_skin', 'bone_marrow', 'other_distant']
SPELL = {'anal_canal': 'ANAL CANAL', 'perianal_skin': 'Perianal-Skin', 'internal_iliac_nodes': 'Internal-Iliac Nodes',
         'para_aortic_nodes': 'Para-aortic nodes', 'common_iliac_nodes': 'Common Iliac Nodes',
         'bone_marrow': 'BONE-MARROW', 'distant_skin': 'distant skin', 'mesorectal_nodes': 'Mesorectal Nodes',
         'regional_nodes': 'regional-nodes'}
for t in LT:
    row(B, 'ST-' + t, 'C21.1', '', SPELL.get(t, t), 'surgery', exp=L1)
for t in RT:
    row(B, 'ST-' + t, 'C21.1', '', SPELL.get(t, t), 'surgery', exp=LR1)
for t in DT:
    row(B, 'ST-' + t, 'anal_canal', '', SPELL.get(t, t), '', exp=D12)
# list cells: spaces, empty items, duplicates
row(B, 'LST-messy-local', 'C21.1', '', ' anus ; ;anal_canal;;ANUS; ', ' surgery ; ; Surgery ', exp=L1)
row(B, 'LST-only-semicolons', 'C21.1', '', ' ; ; ', ' ; ', exp=E(UND, '', '', 'ROUTINE', MISS))
row(B, 'LST-prior-semicolons', 'C21.1', '10', '', ';;', exp=E(LOC, 'LOCAL', '', 'ROUTINE', PRIOR))
row(B, 'LST-mixed-regional', 'C21.1', '', 'anus;Inguinal Nodes;inguinal-nodes', 'surgery', exp=LR1)
# sites combined with codes, and the three conflict forms
row(B, 'MX-10-regional-site', 'C21.1', '10', 'inguinal_nodes', 'surgery', exp=LR1)
row(B, 'MX-20-local-site', 'C21.1', '20', 'anus', 'surgery', exp=LR1)
row(B, 'MX-14-anus', 'C21.1', '14', 'anus', 'surgery', exp=L1)
row(B, 'MX-30-both', 'C21.1', '30', 'anus;inguinal_nodes', 'surgery', exp=LR1)
row(B, 'MX-88-anus', 'C21.1', '88', 'anus', 'surgery', exp=L1)
row(B, 'MX-99-liver', 'C21.1', '99', 'liver', 'surgery', exp=D12)
row(B, 'MX-88-unknown', 'C21.1', '88', 'groin', 'surgery', exp=E(UND, '', '', 'ROUTINE', UNK))
row(B, 'CF1-10-liver', 'C21.1', '10', 'liver', 'surgery', exp=E(DIS, 'DISTANT', 'DM1;DM2', 'HIGH', CONF))
row(B, 'CF1-36-lung', 'C21.1', '36', 'lung', 'surgery', exp=E(DIS, 'DISTANT', 'DM1;DM2', 'HIGH', CONF))
row(B, 'CF1-04-bone', 'C21.1', '04', 'bone', 'surgery', exp=E(DIS, 'DISTANT', 'DM1;DM2', 'HIGH', CONF))
row(B, 'CF1-27-brain', 'C21.1', '27', 'brain', 'surgery', exp=E(DIS, 'DISTANT', 'DM1;DM2', 'HIGH', CONF))
row(B, 'CF2-40-anus', 'C21.1', '40', 'anus', 'surgery', exp=E(DIS, 'DISTANT', 'DM1;DM2', 'HIGH', CONF))
row(B, 'CF2-62-regional', 'C21.1', '62', 'inguinal_nodes;rectum', 'surgery', exp=E(DIS, 'DISTANT', 'DM1;DM2', 'HIGH', CONF))
row(B, 'CF2-59-perineum', 'C21.1', '59', 'perineum', 'surgery', exp=E(DIS, 'DISTANT', 'DM1;DM2', 'HIGH', CONF))
row(B, 'CF2-60-anus', 'C21.1', '60', 'anus', 'surgery', exp=E(DIS, 'DISTANT', 'DM1;DM2', 'HIGH', CONF))
row(B, 'NC-60-liver', 'C21.1', '60', 'liver', 'surgery', exp=D12)
row(B, 'NC-60-liver-anus', 'C21.1', '60', 'liver;anus', 'surgery', exp=D12)
row(B, 'NC-40-liver-anus', 'C21.1', '40', 'liver;anus', 'surgery', exp=D12)
row(B, 'NC-40-anus-unknown', 'C21.1', '40', 'anus;groin', 'surgery', exp=E(DIS, 'DISTANT', 'DM1;DM2', 'HIGH', UNK))
row(B, 'NC-40-unknown', 'C21.1', '40', 'groin', 'surgery', exp=E(DIS, 'DISTANT', 'DM1;DM2', 'HIGH', UNK))
row(B, 'CF3-00-anus', 'C21.1', '00', 'anus', 'surgery', exp=E(LOC, 'LOCAL', 'LR1;LR5', 'ROUTINE', CONF))
row(B, 'CF3-00-inguinal', 'C21.1', '00', 'inguinal_nodes', 'surgery', exp=E(LOC, 'LOCOREGIONAL', 'LR1;LR5', 'ROUTINE', CONF))
row(B, 'CF3-70-liver', 'C21.1', '70', 'liver', 'surgery', exp=E(DIS, 'DISTANT', 'DM1;DM2', 'HIGH', CONF))
row(B, 'CF3-70-anus-LR4', 'C21.1', '70', 'anus', 'chemoradiation', 'no', exp=E(LOC, 'LOCAL', 'LR4', 'HIGH', CONF))
row(B, 'CF3-00-unknown', 'C21.1', '00', 'spleen', 'surgery', exp=E(UND, '', '', 'ROUTINE', CONF + ';' + UNK))
row(B, 'P2-10-unknown', 'C21.1', '10', 'spleen', 'surgery', exp=E(UND, '', '', 'ROUTINE', UNK))
row(B, 'P2-anus-unknown', 'C21.1', '', 'anus;groin', 'surgery', exp=E(UND, '', '', 'ROUTINE', UNK))
row(B, 'P2-unknown-only', 'C21.1', '', 'Left Groin', '', exp=E(UND, '', '', 'ROUTINE', UNK))
row(B, 'P1-liver-unknown', 'C21.1', '', 'liver;spleen', 'surgery', exp=E(DIS, 'DISTANT', 'DM1;DM2', 'HIGH', UNK))
# local-recurrence options matrix (LR1-LR5, flags, priority)
row(B, 'LR-surg-yes', 'C21.1', '10', '', 'surgery', 'yes', exp=L1)
row(B, 'LR-surg-no', 'C21.1', '10', '', 'surgery', 'no', exp=L1)
row(B, 'LR-crt-YES', 'C21.1', '10', '', 'CHEMORADIATION', 'YES', exp=E(LOC, 'LOCAL', 'LR2', 'ROUTINE'))
row(B, 'LR-crt-empty-sp', 'C21.1', '10', '', 'chemoradiation', '', exp=E(LOC, 'LOCAL', 'LR2', 'ROUTINE', SURG))
row(B, 'LR-crt-Unknown', 'C21.1', '10', '', 'chemoradiation', ' Unknown ', exp=E(LOC, 'LOCAL', 'LR2', 'ROUTINE', SURG))
row(B, 'LR-crt-No', 'C21.1', '10', '', 'chemoradiation', 'No', exp=E(LOC, 'LOCAL', 'LR4', 'HIGH'))
row(B, 'LR-peri-crt-no', 'C44.5', '10', '', 'chemoradiation', 'no', exp=E(LOC, 'LOCAL', 'LR4', 'HIGH'))
row(B, 'LR-peri-crt-unk', 'anal_margin', '10', '', 'chemoradiation', 'unknown', exp=E(LOC, 'LOCAL', 'LR2;LR3', 'ROUTINE', SURG))
row(B, 'LR-peri-surgery', 'perianal_skin', '10', '', 'surgery', 'yes', exp=L1)
row(B, 'LR-rad-chemo', 'C21.1', '10', '', 'radiation;chemotherapy', exp=E(LOC, 'LOCAL', '', 'HIGH', NOSTD))
row(B, 'LR-chemo', 'C21.1', '10', '', 'Chemotherapy', exp=E(LOC, 'LOCAL', 'LR5', 'ROUTINE'))
row(B, 'LR-surg-chemo', 'C21.1', '10', '', 'surgery;chemotherapy', 'yes', exp=E(LOC, 'LOCAL', 'LR5', 'ROUTINE'))
row(B, 'LR-surg-rad', 'C21.1', '10', '', 'surgery;radiation', 'yes', exp=E(LOC, 'LOCAL', '', 'HIGH', NOSTD))
row(B, 'LR-surg-crt-yes', 'C21.1', '10', '', 'surgery;chemoradiation', 'yes', exp=E(LOC, 'LOCAL', 'LR2', 'ROUTINE'))
row(B, 'LR-surg-crt-no', 'C21.1', '10', '', 'surgery;chemoradiation', 'no', exp=E(LOC, 'LOCAL', 'LR4', 'HIGH'))
row(B, 'LR-chemo-crt-no', 'C21.1', '10', '', 'chemotherapy;chemoradiation', 'no', exp=E(LOC, 'LOCAL', 'LR4', 'HIGH'))
row(B, 'LR-rad-crt-yes', 'C21.1', '10', '', 'radiation;chemoradiation', 'yes', exp=E(LOC, 'LOCAL', 'LR2', 'ROUTINE'))
row(B, 'LR-all-four-no', 'C21.1', '10', '', 'surgery;chemotherapy;radiation;chemoradiation', 'no',
    exp=E(LOC, 'LOCAL', 'LR4', 'HIGH'))
row(B, 'LR-peri-regional', 'C44.5', '20', '', 'chemoradiation', '', exp=E(LOC, 'LOCOREGIONAL', 'LR2;LR3', 'ROUTINE', SURG))
row(B, 'LR-pain-local', 'C21.1', '10', '', 'surgery', '', 'pain;bleeding', exp=L1)
row(B, 'LR-rad-unknown-sp', 'C21.1', '10', '', 'radiation', 'unknown', exp=E(LOC, 'LOCAL', '', 'HIGH', NOSTD))
row(B, 'LR-empty-prior-crt-sp', 'C21.1', '10', '', '', 'unknown', exp=E(LOC, 'LOCAL', '', 'ROUTINE', PRIOR))
# rejects in B
row(B, 'REJ-after-quote', 'C21.1', '10', '', 'surgery', rej='MALFORMED_RECORD', raw={'primary_site': '"C21.1"x'})
row(B, 'REJ-no-site', '', '10', '', 'surgery', rej='MISSING_REQUIRED', msg=('primary_site',))
row(B, 'bad id#1', 'C21.1', '10', '', 'surgery', rej='INVALID_VALUE', msg=('patient_id', 'bad id#1'))
row(B, 'REJ-type-4', 'C21.1', '4', '', 'surgery', rej='INVALID_VALUE', msg=('recurrence_type', '4'))
row(B, 'REJ-C21.5', 'C21.5', '10', '', 'surgery', rej='INVALID_VALUE', msg=('primary_site', 'C21.5'))
row(B, 'REJ-future-rec', 'C21.1', '10', '', 'surgery', rej='INCONSISTENT_DATES', msg=('2026-11-28',),
    recurrence_date='2026-11-28')
row(B, 'DUP-across', 'C21.1', '10', '', 'surgery', rej='DUPLICATE_PATIENT_ID', msg=('DUP-across',))
row(B, 'FEW-cells', 'C21.1', '10', '', 'surgery', exp=E(UND, '', '', 'ROUTINE', MISS), birth_date='', province='',
    raw={'__truncate__': 'primary_site'})

# ---------------------------------------------------------------- file C: other column order, ends with an unterminated quote
DM4 = 'DM1;DM2;DM3;DM4'
row(C, 'DM-liver-none', 'C21.1', '', 'liver', 'surgery', exp=D12)
row(C, 'DM-liver-pain', 'C21.1', '', 'liver', 'surgery', 'yes', 'pain', exp=E(DIS, 'DISTANT', 'DM1;DM2', 'HIGH', SYMP))
row(C, 'DM-liver-bleeding', 'C21.1', '', 'liver', '', '', 'Bleeding', exp=E(DIS, 'DISTANT', 'DM1;DM2', 'HIGH', SYMP))
row(C, 'DM-liver-fatigue', 'C21.1', '', 'liver', '', '', 'fatigue', exp=D12)
row(C, 'DM-liver-pain-fatigue', 'C21.1', '', 'liver', '', '', ' PAIN ;fatigue', exp=E(DIS, 'DISTANT', 'DM1;DM2', 'HIGH', SYMP))
row(C, 'DM-local-pain-yes', 'C21.1', '', 'liver;anus', '', 'yes', 'pain', exp=E(DIS, 'DISTANT', DM4, 'HIGH'))
row(C, 'DM-local-bleed-no', 'C21.1', '', 'liver;anus', '', 'no', 'bleeding', exp=E(DIS, 'DISTANT', 'DM1;DM2;DM3', 'HIGH'))
row(C, 'DM-local-pain-unk', 'C21.1', '', 'liver;anus', '', '', 'pain', exp=E(DIS, 'DISTANT', DM4, 'HIGH', SURG))
row(C, 'DM-regional-bleed', 'C21.1', '', 'lung;inguinal_nodes', '', 'yes', 'bleeding', exp=E(DIS, 'DISTANT', DM4, 'HIGH'))
row(C, 'DM-60-pain-yes', 'C21.1', '60', '', '', 'yes', 'pain', exp=E(DIS, 'DISTANT', DM4, 'HIGH'))
row(C, 'DM-60-bleed-unk', 'C21.1', '60', '', '', 'unknown', 'bleeding', exp=E(DIS, 'DISTANT', DM4, 'HIGH', SURG))
row(C, 'DM-10-liver-pain', 'C21.1', '10', 'liver', '', 'yes', 'pain', exp=E(DIS, 'DISTANT', DM4, 'HIGH', CONF))
row(C, 'DM-36-lung-bleed-no', 'C21.1', '36', 'lung', '', 'no', 'bleeding', exp=E(DIS, 'DISTANT', 'DM1;DM2;DM3', 'HIGH', CONF))
row(C, 'DM-04-bone-pain', 'C21.1', '04', 'bone', '', '', 'pain', exp=E(DIS, 'DISTANT', DM4, 'HIGH', CONF + ';' + SURG))
row(C, 'DM-62-pain', 'C21.1', '62', '', '', 'yes', 'pain', exp=E(DIS, 'DISTANT', 'DM1;DM2', 'HIGH', SYMP))
row(C, 'DM-40-pain', 'C21.1', '40', '', '', 'yes', 'bleeding;pain', exp=E(DIS, 'DISTANT', 'DM1;DM2', 'HIGH', SYMP))
row(C, 'DM-00-liver-pain', 'C21.1', '00', 'liver', '', 'yes', 'pain', exp=E(DIS, 'DISTANT', 'DM1;DM2', 'HIGH', CONF + ';' + SYMP))
row(C, 'DM-40-anus-pain', 'C21.1', '40', 'anus', '', 'yes', 'pain', exp=E(DIS, 'DISTANT', DM4, 'HIGH', CONF))
row(C, 'DM-unknown-pain', 'C21.1', '', 'liver;spleen', '', 'yes', 'pain', exp=E(DIS, 'DISTANT', 'DM1;DM2', 'HIGH', UNK + ';' + SYMP))
row(C, 'DM-local-fatigue', 'C21.1', '', 'liver;anus', '', 'yes', 'fatigue', exp=D12)
row(C, 'DM-88-regional-pain', 'C21.1', '88', 'liver;inguinal_nodes', '', 'yes', 'pain', exp=E(DIS, 'DISTANT', DM4, 'HIGH'))
row(C, 'DM-noprior', 'C21.1', '', 'lung', '', exp=D12)
row(C, 'DM-radiation', 'C21.1', '', 'lung', 'radiation', exp=D12)
row(C, 'DM-peri-local-pain', 'C44.5', '', 'liver;perianal_skin', 'chemoradiation', 'no', 'pain', exp=E(DIS, 'DISTANT', 'DM1;DM2;DM3', 'HIGH'))
row(C, 'UND-pain', 'C21.1', '', '', '', '', 'pain', exp=E(UND, '', '', 'ROUTINE', MISS))
# supportive care (SC1)
row(C, 'SC-local-declines', 'C21.1', '10', '', 'surgery', '', '', 'declines_treatment', exp=E(LOC, 'LOCAL', 'SC1', 'NONE'))
row(C, 'SC-local-unable', 'C21.1', '20', '', 'surgery', '', '', 'unable_to_have_treatment', exp=E(LOC, 'LOCOREGIONAL', 'SC1', 'NONE'))
row(C, 'SC-local-Declines-sp', 'C21.1', '10', '', 'chemoradiation', 'no', '', 'Declines Treatment', exp=E(LOC, 'LOCAL', 'SC1', 'NONE'))
row(C, 'SC-local-unable-hy', 'C21.1', '10', '', 'surgery', '', '', 'Unable-To-Have-Treatment', exp=E(LOC, 'LOCAL', 'SC1', 'NONE'))
row(C, 'SC-local-noprior', 'C21.1', '10', '', '', '', '', 'declines_treatment', exp=E(LOC, 'LOCAL', 'SC1', 'NONE'))
row(C, 'SC-local-radiation', 'C21.1', '10', '', 'radiation', '', '', 'declines_treatment', exp=E(LOC, 'LOCAL', 'SC1', 'NONE'))
row(C, 'SC-local-crt-unk', 'C21.1', '10', '', 'chemoradiation', 'unknown', '', 'unable_to_have_treatment', exp=E(LOC, 'LOCAL', 'SC1', 'NONE'))
row(C, 'SC-distant', 'C21.1', '', 'liver', 'surgery', '', '', 'declines_treatment', exp=E(DIS, 'DISTANT', 'SC1', 'NONE'))
row(C, 'SC-distant-pain', 'C21.1', '', 'lung', '', '', 'pain', 'unable_to_have_treatment', exp=E(DIS, 'DISTANT', 'SC1', 'NONE'))
row(C, 'SC-distant-local-pain', 'C21.1', '', 'lung;anus', '', '', 'pain', 'DECLINES_TREATMENT', exp=E(DIS, 'DISTANT', 'SC1', 'NONE'))
row(C, 'SC-conflict', 'C21.1', '10', 'liver', '', '', '', 'declines_treatment', exp=E(DIS, 'DISTANT', 'SC1', 'NONE', CONF))
row(C, 'SC-und-missing', 'C21.1', '99', '', '', '', '', 'declines_treatment', exp=E(UND, '', 'SC1', 'NONE', MISS))
row(C, 'SC-und-unknown', 'C21.1', '', 'spleen', '', '', '', 'unable_to_have_treatment', exp=E(UND, '', 'SC1', 'NONE', UNK))
row(C, 'SC-notrec', 'C21.1', '70', '', '', '', '', 'declines_treatment', exp=E(NRC, '', '', 'NONE', NOREC))
row(C, 'SC-wants-upper', 'C21.1', '10', '', 'surgery', '', '', 'WANTS_TREATMENT', exp=L1)
row(C, 'SC-wants-hy', 'C21.1', '10', '', 'surgery', '', '', 'wants-treatment', exp=L1)
# valid edge values of other columns
row(C, 'a.b_c-D9', 'C21.1', '10', '', 'surgery', exp=L1)
row(C, 'Y' * 64, 'C21.1', '10', '', 'surgery', exp=L1)
row(C, '-lead.dash', 'C21.1', '10', '', 'surgery', exp=L1)
row(C, 'Z', 'C21.1', '10', '', 'surgery', exp=L1)
row(C, '007', 'C21.1', '10', '', 'surgery', exp=L1)
for p in ['AB', 'BC', 'MB', 'NB', 'NL', 'NS', 'NT', 'NU', 'ON', 'PE', 'QC', 'SK', 'YT', 'nu', 'Pe']:
    row(C, 'PROV-' + p, 'C21.1', '10', '', 'surgery', exp=L1, province=p)
for s in ['F', 'M', 'X', 'U', 'f', 'm', 'x', 'u']:
    row(C, 'SEX-' + s + ('-lower' if s.islower() else ''), 'C21.1', '10', '', 'surgery', exp=L1, sex=s)
for h in ['8070/3', '8077/2', '8123/3', '8000/9', '8070/6', '8010/1', '8000/0']:
    row(C, 'HIST-' + h.replace('/', '_'), 'C21.1', '10', '', 'surgery', exp=L1, histology=h)
row(C, 'ECOG-0', 'C21.1', '10', '', 'surgery', exp=L1, ecog='0')
row(C, 'ECOG-4', 'C21.1', '10', '', 'surgery', exp=L1, ecog='4')
# ages and dates
row(C, 'AGE-day-before', 'C21.1', '10', '', 'surgery', exp=L1, birth_date='1960-05-10', recurrence_date='2025-05-09', age_exp='64')
row(C, 'AGE-birthday', 'C21.1', '10', '', 'surgery', exp=L1, birth_date='1960-05-10', recurrence_date='2025-05-10', age_exp='65')
row(C, 'AGE-leap-mar1', 'C21.1', '10', '', 'surgery', exp=L1, birth_date='1960-02-29', recurrence_date='2025-03-01', age_exp='65')
row(C, 'AGE-leap-leap', 'C21.1', '10', '', 'surgery', exp=L1, birth_date='1960-02-29', recurrence_date='2024-02-29', age_exp='64')
row(C, 'AGE-rundate-birthday', 'C21.1', '10', '', 'surgery', exp=L1, birth_date='1950-11-27', recurrence_date='', age_exp='76')
row(C, 'AGE-rundate-before', 'C21.1', '10', '', 'surgery', exp=L1, birth_date='1950-11-28', recurrence_date='', age_exp='75')
row(C, 'AGE-no-birth', 'C21.1', '10', '', 'surgery', exp=L1, birth_date='', recurrence_date='2025-01-01', age_exp='')
row(C, 'AGE-rec-on-rundate', 'C21.1', '10', '', 'surgery', exp=L1, birth_date='2000-02-29', recurrence_date='2026-11-27', age_exp='26')
row(C, 'AGE-rec-equals-birth', 'C21.1', '10', '', 'surgery', exp=L1, birth_date='2001-01-01', recurrence_date='2001-01-01', age_exp='0')
row(C, 'AGE-1900', 'C21.1', '10', '', 'surgery', exp=L1, birth_date='1900-01-01', recurrence_date='2000-12-31', age_exp='100')
row(C, 'DUP-first-rejected', 'C21.1', '10', '', 'surgery', exp=L1)
# more combinations: several flags at once, code 60 and 46 conflicts, restarts of rejected ids, quoted/trimmed cells
row(C, 'MORE-60-unknown-pain', 'C21.1', '60', 'spleen', '', 'yes', 'pain', exp=E(DIS, 'DISTANT', DM4, 'HIGH', UNK))
row(C, 'MORE-60-inguinal', 'C21.1', '60', 'inguinal_nodes', 'surgery', exp=E(DIS, 'DISTANT', 'DM1;DM2', 'HIGH', CONF))
row(C, 'MORE-46-anus', 'C21.1', '46', 'anus', 'surgery', exp=E(DIS, 'DISTANT', 'DM1;DM2', 'HIGH', CONF))
row(C, 'MORE-70-unknown', 'C21.1', '70', 'spleen', 'surgery', exp=E(UND, '', '', 'ROUTINE', CONF + ';' + UNK))
row(C, 'MORE-00-empty-list', 'C21.1', '00', ' ; ', 'surgery', exp=E(NRC, '', '', 'NONE', NOREC))
row(C, 'MORE-10-liver-spleen-pain', 'C21.1', '10', 'liver;spleen', '', '', 'pain', exp=E(DIS, 'DISTANT', DM4, 'HIGH', CONF + ';' + UNK + ';' + SURG))
row(C, 'MORE-00-anus-noprior', 'C21.1', '00', 'anus', '', exp=E(LOC, 'LOCAL', '', 'ROUTINE', CONF + ';' + PRIOR))
row(C, 'MORE-70-inguinal-rad', 'C21.1', '70', 'inguinal_nodes', 'radiation', exp=E(LOC, 'LOCOREGIONAL', '', 'HIGH', CONF + ';' + NOSTD))
row(C, 'MORE-00-anus-crt-unk', 'C21.1', '00', 'anus', 'chemoradiation', 'unknown', exp=E(LOC, 'LOCAL', 'LR2', 'ROUTINE', CONF + ';' + SURG))
row(C, 'MORE-22-liver-bleed-no', 'C21.1', '22', 'liver', '', 'no', 'bleeding', exp=E(DIS, 'DISTANT', 'DM1;DM2;DM3', 'HIGH', CONF))
row(C, 'MORE-88-inguinal', 'C21.1', '88', 'inguinal_nodes', 'surgery', exp=LR1)
row(C, 'MORE-site-anal-margin-space', 'C21.1', '', 'Anal Margin', 'surgery', exp=L1)
row(C, 'MORE-peri-site-margin', 'anal_margin', '', 'perianal_skin', 'chemoradiation', 'yes', exp=E(LOC, 'LOCAL', 'LR2;LR3', 'ROUTINE'))
row(C, 'REJ-too-many-cells', 'C21.1', '10', '', 'surgery', exp=L1)
row(C, 'TRIM-1', 'C21.1', '10', '', 'surgery', exp=L1, raw={'patient_id': '  TRIM-1  '})
row(C, 'QUOTED-site', 'C21.1', '', '', 'surgery', exp=L1, raw={'recurrence_sites': '" anus "', 'recurrence_type': '""'})
row(C, 'DUP-in-a', 'C21.1', '10', '', 'surgery', rej='DUPLICATE_PATIENT_ID', msg=('DUP-in-a',))
row(C, 'REJ-ecog-plus', 'C21.1', '10', '', 'surgery', rej='INVALID_VALUE', msg=('ecog', '+1'), ecog='+1')
row(C, 'REJ-date-forms', 'C21.1', '10', '', 'surgery', rej='INVALID_VALUE',
    msg=('recurrence_date', '2025-1-05', 'birth_date', '19500101'), recurrence_date='2025-1-05', birth_date='19500101')
row(C, 'Zoé-1', 'C21.1', '10', '', 'surgery', rej='INVALID_VALUE', msg=('patient_id', 'Zoé-1'))
row(C, 'REJ-multi-6', 'C21.1', '1O', '', 'surgery', 'y', '', 'declines', rej='INVALID_VALUE',
    msg=('recurrence_type', '1O', 'histology', '8070/33', 'surgery_possible', 'y', 'treatment_wish', 'declines', 'ecog', '2.0'),
    histology='8070/33', ecog='2.0')
# rejects in C
row(C, 'REJ-multi-4', 'C21.1', '11', '', 'surgery', rej='INVALID_VALUE',
    msg=('recurrence_type', '11', 'ecog', '5', 'histology', '8070/4'), ecog='5', histology='8070/4')
row(C, 'REJ-rectum-primary', 'rectum', '10', '', 'immunotherapy', rej='INVALID_VALUE',
    msg=('primary_site', 'rectum', 'prior_treatments', 'immunotherapy'))
row(C, 'REJ-multi-5', 'C21.1', '61', '', 'surgery', rej='INVALID_VALUE',
    msg=('recurrence_type', '61', 'sex', 'z', 'recurrence_date', '2100-02-29', 'province', 'PQ'),
    sex='z', recurrence_date='2100-02-29', province='PQ')
row(C, 'REJ-rec-before-birth', 'C21.1', '10', '', 'surgery', rej='INCONSISTENT_DATES', msg=('2019-12-31', '2020-01-01'),
    birth_date='2020-01-01', recurrence_date='2019-12-31')
row(C, 'DUP-invalid-too', 'C21.1', '10', '', 'surgery', rej='INVALID_VALUE', msg=('province', 'XX'), province='XX')
row(C, 'REJ-unterminated', 'C21.1', '10', '', 'surgery', rej='MALFORMED_RECORD',
    raw={'symptoms': '"pain;bleeding'})


# ---------------------------------------------------------------- writing
def q(v):
    if any(c in v for c in ',"\r\n'):
        return '"' + v.replace('"', '""') + '"'
    return v


HEADERS = {
    A: (['notes', 'recurrence_type', 'patient_id', 'primary_site', 'recurrence_sites', 'prior_treatments',
         'surgery_possible', 'symptoms', 'treatment_wish', 'birth_date', 'sex', 'province', 'histology',
         'recurrence_date', 'ecog'],
        'Notes , Recurrence_Type, PATIENT_ID ,Primary_Site,recurrence_sites,Prior_Treatments,SURGERY_POSSIBLE,'
        'Symptoms,Treatment_Wish,Birth_Date,Sex,Province,Histology,Recurrence_Date,ECOG'),
    B: (COLS, ','.join(COLS)),
    C: (['primary_site', 'patient_id', 'treatment_wish', 'symptoms', 'surgery_possible', 'prior_treatments',
         'recurrence_sites', 'recurrence_type', 'recurrence_date', 'histology', 'province', 'sex', 'birth_date',
         'ecog'], None),
}
HEADERS[C] = (HEADERS[C][0], ','.join(HEADERS[C][0]))

expected = []
os.makedirs(IN, exist_ok=True)
for name, rows in files.items():
    cols, header = HEADERS[name]
    nl = '\r\n' if name == A else '\n'
    text = ('\ufeff' if name == A else '') + header + nl
    line = 2
    if name == A:
        text += nl  # blank line before the first record
        line += 1
    for k, (cells, e, raw) in enumerate(rows):
        raw = raw or {}
        vals = []
        for c in cols:
            if c in raw:
                vals.append(raw[c])
            else:
                vals.append(q(cells[c]))
        if '__truncate__' in raw:
            vals = vals[:cols.index(raw['__truncate__']) + 1]
        if '__extra__' in raw:
            vals.append(raw['__extra__'])
        rec = ','.join(vals)
        e = dict(e, source_file=name, line=str(line))
        expected.append(e)
        text += rec
        line += rec.count('\n')
        last = k == len(rows) - 1
        if not (last and name == B):  # file B ends without a final newline
            text += nl
            line += 1
        if last and name == A:
            text += nl + '  ' + nl + nl  # blank lines at the end of file A
        if name == B and k in (3, 30):
            text += '   \n'  # a line of only spaces
            line += 1
        if name == A and k in (10, 40):
            text += nl  # blank line between records
            line += 1
        if name == C and k == 5:
            text += '\n\n'
            line += 2
    with open(os.path.join(IN, name), 'w', encoding='utf-8', newline='') as fh:
        fh.write(text)

EXP_COLS = ['source_file', 'line', 'patient_id', 'reason_code', 'message_contains', 'primary_site', 'pathway',
            'extent', 'treatment_goal', 'options', 'rules', 'trial_discussion', 'trial_priority', 'review_flags',
            'age_at_recurrence', 'province']
with open(os.path.join(HERE, 'expected.csv'), 'w', encoding='utf-8', newline='') as fh:
    w = csv.DictWriter(fh, EXP_COLS, lineterminator='\n')
    w.writeheader()
    for e in expected:
        w.writerow({k: e.get(k, '') for k in EXP_COLS})
rej = sum(1 for e in expected if e.get('reason_code'))
print(f'{len(expected)} rows, {rej} rejects ({rej / len(expected):.1%})')
