#!/usr/bin/python3
"""Writes the Cluster I sample dataset (assets/data/cum1). Real facts come from the seed article and the sources
in shared/design/domain.md §5 and are cited in each record's `sources`; everything invented for the demo
(criteria, scores, ballots, registrations, later years, the focal officers and their contacts) sits in files marked "synthetic": true.
Output is the same canonical JSON the C++ writer produces (sorted keys, 2 spaces). Deterministic.
Usage: /usr/bin/python3 scripts/make_sample_data.py [SEED_ARTICLE] [OUT_DIR]"""
import json, os, random, re, sys, unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SEED_PATH = sys.argv[1] if len(sys.argv) > 1 else '/work/shared/seed/000_a75712a1e0653b79.txt'
OUT = sys.argv[2] if len(sys.argv) > 2 else os.path.join(ROOT, "assets", "data", "cum1")
SEED = unicodedata.normalize('NFC', open(SEED_PATH, encoding='utf-8').read())

def nfc(x):
    if isinstance(x, str): return unicodedata.normalize('NFC', x)
    if isinstance(x, list): return [nfc(v) for v in x]
    if isinstance(x, dict): return {k: nfc(v) for k, v in x.items()}
    return x

def pts(h):  # hundredths -> JSON number with <= 2 decimals
    return h // 100 if h % 100 == 0 else h / 100

files = []  # (path, format, writer)
def write(path, fmt, body, synthetic=False, writer='secretariat'):
    doc = {'format': fmt, 'schema_version': 1}
    if synthetic: doc['synthetic'] = True
    doc.update(body)
    full = os.path.join(OUT, path)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    with open(full, 'w', encoding='utf-8') as f:
        f.write(json.dumps(nfc(doc), ensure_ascii=False, indent=2, sort_keys=True) + '\n')
    files.append((path, fmt, writer))

# ---- sources -------------------------------------------------------------------------------------------
ARTICLE = {'title': 'Cụm Thi đua số 1 - Bộ Tài nguyên và Môi trường ký giao ước thi đua năm 2021 (tin (TN&MT), Việt Linh, 26/03/2021 06:33)',
           'note': 'Bản lưu của dự án: shared/seed/000_a75712a1e0653b79.txt'}
ART_2022 = {'url': 'http://tnmtnd.hanoi.gov.vn/index.php?option=com_content&view=article&id=18157&catid=13&Itemid=130',
            'note': 'Hội nghị ký giao ước thi đua năm 2022 của Cụm thi đua số I, 17/3/2022, Hải Phòng (Cụm trưởng)'}
ART_2018 = {'url': 'http://www.tnmtnd.hanoi.gov.vn/index.php?option=com_content&view=article&id=14038&catid=13&Itemid=130',
            'note': 'Hội nghị ký giao ước thi đua năm 2018 của Cụm thi đua số I (10 Sở TN&MT)'}
GSO = {'title': 'Danh mục đơn vị hành chính Việt Nam, mã tỉnh của Tổng cục Thống kê',
       'note': 'Theo các danh mục tỉnh công khai (shared/design/domain.md §5.1); mã 35, 36, 37 chưa đối chiếu với văn bản gốc'}
MERGE_MIN = {'url': 'https://vietnamnews.vn/environment/1693107/new-ministry-of-agriculture-and-environment-established-to-boost-efficiency.html',
             'note': 'Bộ NN&PTNT và Bộ TN&MT hợp nhất thành Bộ Nông nghiệp và Môi trường từ 01/3/2025'}
MERGE_PROV = {'url': 'https://nghean24h.vn/34-tinh-thanh-du-kien-hoat-dong-ngay-tu-ngay-172025-a753727.html',
              'note': 'Sắp xếp tỉnh, thành phố từ 01/7/2025'}
HOA_2025 = {'url': 'https://giaoducthoidai.vn/ong-nguyen-ngoc-thach-lam-tan-tong-bien-tap-bao-nong-nghiep-va-moi-truong-post721407.html',
            'note': 'Thứ trưởng Bộ Nông nghiệp và Môi trường từ 01/3/2025'}
KHAI = {'url': 'https://baophapluat.vn/bi-thu-thanh-uy-bac-ninh-tag10409.html', 'note': 'Nguyên Giám đốc Sở TN&MT Bắc Ninh, Phó Chủ tịch UBND tỉnh Bắc Ninh'}
DONG = {'url': 'https://vnexpress.net/thoi-su/giam-doc-so-tai-nguyen-moi-truong-ha-noi-bi-phe-binh-vi-bo-hop-3957538.html',
        'note': 'Giám đốc Sở TN&MT Hà Nội (bổ nhiệm 01/9/2013, bổ nhiệm lại 8/2018)'}
ON = {'url': 'https://daidoanket.vn/hai-phong-ong-duong-dinh-on-giu-chuc-giam-doc-so-tai-nguyen-va-moi-truong-10292821.html',
      'note': 'Giám đốc Sở TN&MT Hải Phòng; năm bổ nhiệm chưa xác định'}
# The 2025 reorganisation. The resolution numbers are cited by title (the instruments themselves); the pages with
# a url were read for this dataset and state the dates.
NQ176 = {'title': 'Nghị quyết số 176/2025/QH15 của Quốc hội về cơ cấu tổ chức của Chính phủ nhiệm kỳ Quốc hội khóa XV (18/02/2025)',
         'note': 'Thành lập Bộ Nông nghiệp và Môi trường trên cơ sở hợp nhất Bộ Tài nguyên và Môi trường và Bộ Nông nghiệp và Phát triển nông thôn'}
QH_1802 = {'url': 'https://vasi.monre.gov.vn/tin-tuc--su-kien/hoi-nghi-trien-khai-de-an-thanh-lap-bo-nong-nghiep-va-moi-truong-1708.htm',
           'note': 'Ngày 18/2/2025, kỳ họp bất thường lần thứ 9, Quốc hội khóa XV thông qua Nghị quyết về cơ cấu tổ chức của Chính phủ; Bộ Nông nghiệp và Môi trường được thành lập trên cơ sở hợp nhất hai Bộ'}
MAE_0103 = {'url': 'https://giaoducthoidai.vn/ong-nguyen-ngoc-thach-lam-tan-tong-bien-tap-bao-nong-nghiep-va-moi-truong-post721407.html',
            'note': 'Chiều 1/3/2025 công bố thành lập Bộ Nông nghiệp và Môi trường; cơ cấu tổ chức theo Nghị định số 35/2025/NĐ-CP (30 đơn vị)'}
NQ202 = {'title': 'Nghị quyết số 202/2025/QH15 của Quốc hội về việc sắp xếp đơn vị hành chính cấp tỉnh (12/6/2025)',
         'note': 'Chính quyền các tỉnh, thành phố hình thành sau sắp xếp hoạt động từ 01/7/2025'}
QH_1206 = {'url': 'https://baomoi.net.vn/quoc-hoi-thong-qua-nghi-quyet-lich-su-sap-nhap-tinh-thanh-c52485428.epi',
           'note': 'Sáng 12/6/2025 Quốc hội thông qua Nghị quyết về việc sắp xếp đơn vị hành chính cấp tỉnh năm 2025: cả nước có 34 đơn vị hành chính cấp tỉnh'}
HN_GD_2026 = {'url': 'https://plo.vn/ong-bui-duy-cuong-lam-giam-doc-so-nong-nghiep-va-moi-truong-ha-noi-post895760.html',
              'note': 'Ông Bùi Duy Cường được điều động, bổ nhiệm Giám đốc Sở Nông nghiệp và Môi trường Hà Nội (công bố 13/02/2026); trước đó Giám đốc Sở là ông Nguyễn Xuân Đại'}
LEGAL_OLD = {'title': 'shared/design/domain.md §2.1: dữ liệu 2021 theo Luật 2003/2013, NĐ 91/2017, TT 21/2018/TT-BTNMT'}

# ---- registry -------------------------------------------------------------------------------------------
PROV = [  # gso, short name, kind, full-name prefix
    ('01', 'Hà Nội', 'municipality', 'thành phố'), ('26', 'Vĩnh Phúc', 'province', 'tỉnh'), ('27', 'Bắc Ninh', 'province', 'tỉnh'),
    ('30', 'Hải Dương', 'province', 'tỉnh'), ('31', 'Hải Phòng', 'municipality', 'thành phố'), ('33', 'Hưng Yên', 'province', 'tỉnh'),
    ('34', 'Thái Bình', 'province', 'tỉnh'), ('35', 'Hà Nam', 'province', 'tỉnh'), ('36', 'Nam Định', 'province', 'tỉnh'),
    ('37', 'Ninh Bình', 'province', 'tỉnh')]
MERGED_INTO = {'30': '31', '34': '33', '35': '37', '36': '37', '26': '25'}  # from 01/7/2025 (MERGE_PROV)
MEMBERS = ['org.sotnmt.' + g for g, *_ in PROV]
NAME = {'org.sotnmt.' + g: 'Sở TN&MT ' + n for g, n, *_ in PROV}

areas = []
for g, n, kind, pre in PROV:
    a = {'id': 'area.vn.' + g, 'rev': 1, 'name': (pre[0].upper() + pre[1:]) + ' ' + n, 'classification': kind, 'gso_code': g, 'sources': [GSO]}
    if g in MERGED_INTO:
        a['valid_to'] = '2025-06-30'; a['successor_ids'] = ['area.vn.' + MERGED_INTO[g]]; a['sources'] = [GSO, MERGE_PROV, NQ202, QH_1206]
    areas.append(a)
areas.append({'id': 'area.vn.25', 'rev': 1, 'name': 'Tỉnh Phú Thọ', 'classification': 'province', 'gso_code': '25', 'sources': [GSO, MERGE_PROV, NQ202]})
write('registry/areas.json', 'thidua.areas', {'areas': areas})

orgs = [
    {'id': 'org.monre', 'rev': 1, 'name': 'Bộ Tài nguyên và Môi trường', 'short_name': 'Bộ TN&MT', 'classification': 'ministry',
     'dissolution_date': '2025-02-28', 'successor_ids': ['org.mae'], 'sources': [ARTICLE, MERGE_MIN, NQ176, QH_1802]},
    {'id': 'org.mae', 'rev': 1, 'name': 'Bộ Nông nghiệp và Môi trường', 'short_name': 'Bộ NN&MT', 'classification': 'ministry',
     'founding_date': '2025-03-01', 'predecessor_ids': ['org.monre'], 'sources': [MERGE_MIN, NQ176, QH_1802, MAE_0103]},
    {'id': 'org.monre.vu-tdkttt', 'rev': 1, 'name': 'Vụ Thi đua, Khen thưởng và Tuyên truyền', 'short_name': 'Vụ TĐKT&TT',
     'classification': 'ministry_dept', 'parent_id': 'org.monre', 'sources': [ART_2018]},
    {'id': 'org.cum1', 'rev': 1, 'name': 'Cụm thi đua số I – Bộ Tài nguyên và Môi trường', 'short_name': 'Cụm thi đua số I',
     'classification': 'emulation_cluster', 'parent_id': 'org.monre',
     'note': 'Sở TN&MT 10 tỉnh, thành phố khu vực Đồng bằng sông Hồng; từ năm 2025 là Sở NN&MT 6 tỉnh, thành phố sau sắp xếp', 'sources': [ARTICLE, ART_2022]},
]
for g, n, kind, pre in PROV:
    orgs.append({'id': 'org.ubnd.' + g, 'rev': 1, 'name': 'Ủy ban nhân dân ' + pre + ' ' + n, 'short_name': 'UBND ' + pre + ' ' + n,
                 'classification': 'provincial_committee', 'area_id': 'area.vn.' + g, 'sources': [ARTICLE]})
for g, n, kind, pre in PROV:
    succ = MERGED_INTO.get(g, g)
    orgs.append({'id': 'org.sotnmt.' + g, 'rev': 1, 'name': 'Sở Tài nguyên và Môi trường ' + pre + ' ' + n, 'short_name': 'Sở TN&MT ' + n,
                 'classification': 'provincial_dept', 'parent_id': 'org.ubnd.' + g, 'area_id': 'area.vn.' + g,
                 'successor_ids': ['org.sonnmt.' + succ],
                 'note': 'Năm 2025 chuyển thành Sở Nông nghiệp và Môi trường (sau khi hợp nhất với Sở NN&PTNT và sắp xếp tỉnh); ngày chính xác chưa có nguồn',
                 'identifiers': [{'scheme': 'gso', 'identifier': g}], 'sources': [ARTICLE, MERGE_PROV]})
NEW = {'01': ('Hà Nội', 'thành phố', ['01']), '31': ('Hải Phòng', 'thành phố', ['30', '31']), '33': ('Hưng Yên', 'tỉnh', ['33', '34']),
       '37': ('Ninh Bình', 'tỉnh', ['35', '36', '37']), '27': ('Bắc Ninh', 'tỉnh', ['27']), '25': ('Phú Thọ', 'tỉnh', ['26'])}
for g, (n, pre, preds) in NEW.items():
    o = {'id': 'org.sonnmt.' + g, 'rev': 1, 'name': 'Sở Nông nghiệp và Môi trường ' + pre + ' ' + n, 'short_name': 'Sở NN&MT ' + n,
         'classification': 'provincial_dept', 'area_id': 'area.vn.' + g, 'founding_date': '2025-07-01' if g != '01' else '',
         'predecessor_ids': ['org.sotnmt.' + p for p in preds], 'sources': [MERGE_PROV, NQ202, QH_1206]}
    if g == '27': o['note'] = 'Tỉnh Bắc Ninh từ 01/7/2025 gồm tỉnh Bắc Giang và tỉnh Bắc Ninh; Sở của tỉnh Bắc Giang không có trong danh mục này'
    if g == '01': o['sources'] = [HN_GD_2026]
    if not o['founding_date']: del o['founding_date']
    orgs.append(o)
write('registry/organizations.json', 'thidua.organizations', {'organizations': orgs})

people = [
    {'id': 'per.nguyen-thi-phuong-hoa', 'rev': 1, 'name': 'Nguyễn Thị Phương Hoa', 'honorific_prefix': 'Bà', 'posts': [
        {'id': 'post.nguyen-thi-phuong-hoa.monre', 'organization_id': 'org.monre', 'role': 'Thứ trưởng', 'label': 'Thứ trưởng Bộ TN&MT', 'sources': [ARTICLE]},
        {'id': 'post.nguyen-thi-phuong-hoa.mae', 'organization_id': 'org.mae', 'role': 'Thứ trưởng', 'label': 'Thứ trưởng Bộ Nông nghiệp và Môi trường',
         'start_date': '2025-03-01', 'sources': [HOA_2025]}], 'sources': [ARTICLE]},
    {'id': 'per.dao-quang-khai', 'rev': 1, 'name': 'Đào Quang Khải', 'honorific_prefix': 'Ông', 'posts': [
        {'id': 'post.dao-quang-khai.sotnmt', 'organization_id': 'org.sotnmt.27', 'role': 'Giám đốc', 'label': 'Giám đốc Sở TN&MT Bắc Ninh', 'sources': [KHAI]},
        {'id': 'post.dao-quang-khai.ubnd', 'organization_id': 'org.ubnd.27', 'role': 'Phó Chủ tịch', 'label': 'Phó Chủ tịch UBND tỉnh Bắc Ninh', 'sources': [ARTICLE, KHAI]}],
     'sources': [ARTICLE]},
    {'id': 'per.nguyen-trong-dong', 'rev': 1, 'name': 'Nguyễn Trọng Đông', 'posts': [
        {'id': 'post.nguyen-trong-dong.sotnmt', 'organization_id': 'org.sotnmt.01', 'role': 'Giám đốc', 'label': 'Giám đốc Sở TN&MT Hà Nội',
         'start_date': '2013-09-01', 'sources': [DONG]}], 'sources': [DONG]},
    {'id': 'per.duong-dinh-on', 'rev': 1, 'name': 'Dương Đình Ổn', 'posts': [
        {'id': 'post.duong-dinh-on.sotnmt', 'organization_id': 'org.sotnmt.31', 'role': 'Giám đốc', 'label': 'Giám đốc Sở TN&MT Hải Phòng', 'sources': [ON]}],
     'sources': [ON]},
    {'id': 'per.mai-trong-thai', 'rev': 1, 'name': 'Mai Trọng Thái', 'posts': [
        {'id': 'post.mai-trong-thai.sotnmt', 'organization_id': 'org.sotnmt.01', 'role': 'Phó Giám đốc', 'label': 'Phó Giám đốc Sở TN&MT Hà Nội', 'sources': [ART_2022]}],
     'sources': [ART_2022]},
    {'id': 'per.vu-minh-son', 'rev': 1, 'name': 'Vũ Minh Sơn', 'posts': [
        {'id': 'post.vu-minh-son.vu', 'organization_id': 'org.monre.vu-tdkttt', 'role': 'Vụ trưởng', 'label': 'Vụ trưởng Vụ Thi đua, Khen thưởng và Tuyên truyền',
         'sources': [ART_2018]}], 'sources': [ART_2018]},
    {'id': 'per.bui-duy-cuong', 'rev': 1, 'name': 'Bùi Duy Cường', 'honorific_prefix': 'Ông', 'posts': [
        {'id': 'post.bui-duy-cuong.sonnmt', 'organization_id': 'org.sonnmt.01', 'role': 'Giám đốc', 'label': 'Giám đốc Sở Nông nghiệp và Môi trường Hà Nội',
         'sources': [HN_GD_2026]}], 'sources': [HN_GD_2026]},
    {'id': 'per.nguyen-xuan-dai', 'rev': 1, 'name': 'Nguyễn Xuân Đại', 'honorific_prefix': 'Ông', 'posts': [
        {'id': 'post.nguyen-xuan-dai.sonnmt', 'organization_id': 'org.sonnmt.01', 'role': 'Giám đốc', 'label': 'Giám đốc Sở Nông nghiệp và Môi trường Hà Nội',
         'sources': [HN_GD_2026]}], 'sources': [HN_GD_2026]},
]
# Each unit's focal officer for emulation work (cán bộ đầu mối), so the app has contacts to show. Invented:
# names, numbers and addresses (example.org); each record is marked synthetic, and so is the file.
AREA_CODE = {'01': '024', '26': '0211', '27': '0222', '30': '0220', '31': '0225', '33': '0221', '34': '0227',
             '35': '0226', '36': '0228', '37': '0229'}
FOCAL = [('Nguyễn Thu Trang', 'Bà'), ('Trần Văn Đức', 'Ông'), ('Lê Thị Hằng', 'Bà'), ('Phạm Quốc Việt', 'Ông'),
         ('Đỗ Minh Ngọc', 'Bà'), ('Hoàng Văn Tùng', 'Ông'), ('Vũ Thị Lan', 'Bà'), ('Bùi Đức Anh', 'Ông'),
         ('Đặng Thị Huyền', 'Bà'), ('Ngô Văn Thành', 'Ông')]
for i, ((g, *_), (name, prefix)) in enumerate(zip(PROV, FOCAL)):
    people.append({'id': 'per.synth.dau-moi.' + g, 'rev': 1, 'synthetic': True, 'name': name, 'honorific_prefix': prefix,
                   'contact_details': [
                       {'type': 'phone', 'label': 'Văn phòng Sở', 'value': '%s 3%s0 %03d' % (AREA_CODE[g], g, 101 + i)},
                       {'type': 'email', 'value': 'thidua.sotnmt%s@example.org' % g},
                       {'type': 'mobile', 'label': 'Di động cá nhân', 'value': '0912 %s0 %03d' % (g, 201 + 7 * i), 'private': True}],
                   'posts': [{'id': 'post.synth.dau-moi.' + g, 'organization_id': 'org.sotnmt.' + g, 'role': 'Chuyên viên',
                              'label': 'Cán bộ đầu mối thi đua, khen thưởng – Văn phòng Sở'}]})
# The focal officers of the units formed in 2025 (invented like the ones above).
NEW_CODES = ['01', '25', '27', '31', '33', '37']
NEW_AREA_CODE = {'01': '024', '25': '0210', '27': '0222', '31': '0225', '33': '0221', '37': '0229'}
NEW_FOCAL = [('Trịnh Thị Mai', 'Bà'), ('Lương Văn Hải', 'Ông'), ('Phan Thị Thu Hà', 'Bà'), ('Cao Minh Tuấn', 'Ông'),
             ('Nguyễn Thị Hồng Nhung', 'Bà'), ('Đinh Văn Khánh', 'Ông')]
for i, (g, (name, prefix)) in enumerate(zip(NEW_CODES, NEW_FOCAL)):
    people.append({'id': 'per.synth.dau-moi.nnmt.' + g, 'rev': 1, 'synthetic': True, 'name': name, 'honorific_prefix': prefix,
                   'contact_details': [
                       {'type': 'phone', 'label': 'Văn phòng Sở', 'value': '%s 3%s1 %03d' % (NEW_AREA_CODE[g], g, 301 + i)},
                       {'type': 'email', 'value': 'thidua.sonnmt%s@example.org' % g},
                       {'type': 'mobile', 'label': 'Di động cá nhân', 'value': '0913 %s1 %03d' % (g, 401 + 7 * i), 'private': True}],
                   'posts': [{'id': 'post.synth.dau-moi.nnmt.' + g, 'organization_id': 'org.sonnmt.' + g, 'role': 'Chuyên viên',
                              'label': 'Cán bộ đầu mối thi đua, khen thưởng – Văn phòng Sở', 'start_date': '2025-07-01'}]})
write('registry/people.json', 'thidua.people', {'people': people}, synthetic=True)

# ---- cluster ----------------------------------------------------------------------------------------------
YEARS = [2021, 2022, 2023, 2024]
CHAIR = {2021: ('org.sotnmt.27', ''), 2022: ('org.sotnmt.31', ''), 2023: ('org.sotnmt.33', 'org.sotnmt.35'), 2024: ('org.sotnmt.35', 'org.sotnmt.36')}
rotations = [
    {'id': 'rot.cum1.2021', 'rev': 1, 'year': 2021, 'chair_org_id': 'org.sotnmt.27',
     'note': 'Suy luận: Sở TN&MT Bắc Ninh đăng cai hội nghị ký giao ước 2021 (năm 2022 đơn vị đăng cai là Cụm trưởng)', 'sources': [ARTICLE]},
    {'id': 'rot.cum1.2022', 'rev': 1, 'year': 2022, 'chair_org_id': 'org.sotnmt.31', 'sources': [ART_2022]},
    {'id': 'rot.cum1.2023', 'rev': 1, 'synthetic': True, 'year': 2023, 'chair_org_id': 'org.sotnmt.33', 'deputy_org_id': 'org.sotnmt.35'},
    {'id': 'rot.cum1.2024', 'rev': 1, 'synthetic': True, 'year': 2024, 'chair_org_id': 'org.sotnmt.35', 'deputy_org_id': 'org.sotnmt.36'},
    # After the reorganisation (invented, "the deputy becomes chair"): Nam Định, the 2024 deputy, is now part of Ninh Bình.
    {'id': 'rot.cum1.2025', 'rev': 1, 'synthetic': True, 'year': 2025, 'chair_org_id': 'org.sonnmt.37', 'deputy_org_id': 'org.sonnmt.25',
     'note': 'Minh họa: Sở NN&MT Ninh Bình, đơn vị kế tục Sở TN&MT Nam Định (Cụm phó năm 2024), làm Cụm trưởng'},
    {'id': 'rot.cum1.2026', 'rev': 1, 'synthetic': True, 'year': 2026, 'chair_org_id': 'org.sonnmt.25', 'deputy_org_id': 'org.sonnmt.01',
     'note': 'Minh họa: Cụm phó năm 2025 làm Cụm trưởng'},
]
NEW_MEMBERS = ['org.sonnmt.' + g for g in NEW_CODES]
for g, (n, pre, preds) in NEW.items():
    NAME['org.sonnmt.' + g] = 'Sở NN&MT ' + n
FULL_NEW = {'org.sonnmt.' + g: 'Sở Nông nghiệp và Môi trường ' + pre + ' ' + n for g, (n, pre, preds) in NEW.items()}
PROV_NAME = {g: pre + ' ' + n for g, n, kind, pre in PROV}

# Members until 2024: the ten Sở TN&MT. Their records stay, marked ended (never deleted); the cluster continues with
# the successor units from 01/7/2025. That the cluster kept going under the new ministry, and who its members are
# after the merger, is this dataset's modelling (synthetic); the mergers themselves are sourced.
def ended_reason(g):
    succ = 'org.sonnmt.' + MERGED_INTO.get(g, g)
    if g == '01':
        return ('Sở Tài nguyên và Môi trường thành phố Hà Nội hợp nhất với Sở Nông nghiệp và Phát triển nông thôn thành ' + FULL_NEW[succ] +
                ' (năm 2025; ngày chưa có nguồn); dữ liệu mẫu ghi nhận đơn vị mới là thành viên Cụm từ 01/7/2025')
    if g == '27':
        return 'Hợp nhất vào ' + FULL_NEW[succ] + ' từ 01/7/2025 (sắp xếp tỉnh Bắc Giang và tỉnh Bắc Ninh)'
    if g == '26':
        return 'Hợp nhất vào ' + FULL_NEW[succ] + ' từ 01/7/2025 (sắp xếp tỉnh Vĩnh Phúc, tỉnh Hòa Bình và tỉnh Phú Thọ)'
    parts = [PROV_NAME[p] for p in NEW[succ[11:]][2]]
    return 'Hợp nhất vào ' + FULL_NEW[succ] + ' từ 01/7/2025 (sắp xếp ' + ', '.join(parts[:-1]) + ' và ' + parts[-1] + ')'

memberships = []
for m in MEMBERS:
    g = m[11:]
    rec = {'id': 'mem.cum1.' + g, 'rev': 1, 'organization_id': m, 'start_year': 2018, 'end_year': 2024,
           'ended': {'date': '2025-06-30', 'reason': ended_reason(g)},
           'sources': [ART_2018, ART_2022] + ([] if g == '01' else [MERGE_PROV, NQ202])}
    if g == '01': rec['synthetic'] = True  # the end date is this dataset's choice
    memberships.append(rec)
for m in NEW_MEMBERS:
    memberships.append({'id': 'mem.cum1.nnmt.' + m[11:], 'rev': 1, 'synthetic': True, 'organization_id': m, 'start_year': 2025,
                        'start_date': '2025-07-01'})
write('cluster.json', 'thidua.cluster', {
    'cluster': {'id': 'cluster.cum1', 'rev': 1, 'organization_id': 'org.cum1', 'name': 'Cụm thi đua số I – Bộ Tài nguyên và Môi trường',
                'note': 'Sở TN&MT 10 tỉnh, thành phố khu vực Đồng bằng sông Hồng; từ năm 2025 là Sở NN&MT 6 tỉnh, thành phố sau sắp xếp', 'sources': [ARTICLE, ART_2022]},
    'memberships': memberships, 'rotations': rotations}, synthetic=True)

# ---- criteria (invented, shaped on domain.md §2.3) --------------------------------------------------------
def criteria_for(y):
    p = 'crit.cum1.%d.' % y
    C = []
    def add(code, title, kind, parent=None, order=0, **kw):
        c = {'id': p + code, 'rev': 1, 'code': code, 'title': title, 'kind': kind, 'order': order}
        if parent: c['parent_id'] = p + parent
        for k, v in kw.items(): c[k] = pts(v) if k in ('max_points', 'target', 'points_per_unit', 'cap') else v
        C.append(c)
    add('I', 'Thực hiện nhiệm vụ chuyên môn', 'group', order=1, max_points=7000)
    add('I.1', 'Tỷ lệ hồ sơ đất đai giải quyết đúng hạn', 'quantitative', 'I', 1, max_points=1500, target=9500, unit='%')
    add('I.2', 'Quản lý nhà nước về bảo vệ môi trường', 'manual', 'I', 2, max_points=1500)
    add('I.3', 'Hoàn thành kế hoạch quản lý tài nguyên nước, khoáng sản', 'qualitative', 'I', 3, max_points=1000)
    add('I.4', 'Cải cách hành chính, chuyển đổi số', 'manual', 'I', 4, max_points=1500)
    add('I.5', 'Tỷ lệ đơn thư khiếu nại, tố cáo được giải quyết', 'quantitative', 'I', 5, max_points=1500, target=9000, unit='%')
    add('II', 'Công tác thi đua, khen thưởng và hoạt động của Cụm', 'group', order=2, max_points=2000)
    add('II.1', 'Tham gia các hoạt động chung của Cụm', 'per_occurrence', 'II', 1, max_points=1000, points_per_unit=250)
    add('II.2', 'Gửi báo cáo thi đua, khen thưởng đúng hạn', 'qualitative', 'II', 2, max_points=1000)
    add('III', 'Xây dựng Đảng, đoàn thể, nội bộ đoàn kết', 'group', order=3, max_points=1000)
    add('III.1', 'Tổ chức đảng, đoàn thể vững mạnh, nội bộ đoàn kết', 'manual', 'III', 1, max_points=1000)
    add('T', 'Điểm thưởng: được cấp trên khen thưởng, có sáng kiến được công nhận', 'bonus', order=4, points_per_unit=100, cap=500)
    add('P', 'Điểm trừ: chậm, thiếu báo cáo; vi phạm kỷ luật', 'penalty', order=5, points_per_unit=200)
    return C

LEAVES = ['I.1', 'I.2', 'I.3', 'I.4', 'I.5', 'II.1', 'II.2', 'III.1', 'T', 'P']
KIND = {'I.1': 'quantitative', 'I.5': 'quantitative', 'I.2': 'manual', 'I.4': 'manual', 'III.1': 'manual', 'I.3': 'qualitative',
        'II.2': 'qualitative', 'II.1': 'per_occurrence', 'T': 'bonus', 'P': 'penalty'}
MAX = {'I.1': 1500, 'I.2': 1500, 'I.3': 1000, 'I.4': 1500, 'I.5': 1500, 'II.1': 1000, 'II.2': 1000, 'III.1': 1000}
TARGET = {'I.1': 9500, 'I.5': 9000}

def final_total(values):  # values[org][code] -> hundredths; independent re-implementation of domain.md §4.7
    lead = {c: max(values[o][c] for o in values) for c in TARGET}
    def crit(o, c):
        v, k = values[o][c], KIND[c]
        if k == 'quantitative':
            t, m, L = TARGET[c], MAX[c], lead[c]
            if v < t: return round_half(m * v, 2 * t)
            if v == t: return round_half(m, 2)
            if v >= L: return m
            return round_half(m, 2) + round_half(m * (v - t), 2 * (L - t))
        if k == 'qualitative': return MAX[c] if v >= 100 else 0
        if k == 'per_occurrence': return min(v // 100 * 250, MAX[c])
        if k == 'manual': return min(v, MAX[c])
        if k == 'bonus': return min(v // 100 * 100, 500)
        return v // 100 * 200
    out = {}
    for o in values:
        g1 = min(sum(crit(o, c) for c in ['I.1', 'I.2', 'I.3', 'I.4', 'I.5']), 7000)
        g2 = min(crit(o, 'II.1') + crit(o, 'II.2'), 2000)
        g3 = min(crit(o, 'III.1'), 1000)
        out[o] = (g1 + g2 + g3 + min(crit(o, 'T'), 500) - crit(o, 'P'), g1)
    return out

def round_half(n, d):
    return (n + d // 2) // d if n >= 0 else -((-n + d // 2) // d)

BANDS = [{'id': 'band.htxs', 'min': 9000, 'label': 'Hoàn thành xuất sắc nhiệm vụ'}, {'id': 'band.htt', 'min': 7000, 'label': 'Hoàn thành tốt nhiệm vụ'},
         {'id': 'band.ht', 'min': 5000, 'label': 'Hoàn thành nhiệm vụ'}, {'id': 'band.kht', 'min': -10000, 'label': 'Không hoàn thành nhiệm vụ'}]

def ruleset(y):
    legal = (['Luật Thi đua, khen thưởng 2003 (sửa đổi, bổ sung 2013)', 'Nghị định 91/2017/NĐ-CP', 'Thông tư 21/2018/TT-BTNMT'] if y < 2024 else
             ['Luật Thi đua, khen thưởng 06/2022/QH15', 'Nghị định 98/2023/NĐ-CP', 'Thông tư 18/2023/TT-BTNMT'])
    return {'id': 'ruleset.cum1.%d' % y, 'rev': 1, 'legal_basis': legal, 'second_stage': 'cross', 'cross_drop_extremes': True, 'bonus_cap': 5,
            'rating_bands': [dict(b, id=b['id'] + '.%d' % y, min=pts(b['min'])) for b in BANDS],
            'vote_rules': {'quorum': {'num': 2, 'den': 3, 'strict': False}, 'threshold': {'num': 1, 'den': 2, 'strict': True},
                           'threshold_base': 'members_total', 'voter_kind': 'organization', 'max_choices': 1, 'allow_self_vote': False, 'max_rounds': 3},
            'tie_break_order': ['group:crit.cum1.%d.I' % y, 'bonus', 'penalty', 'revote'],
            'award_quotas': [{'id': 'quota.cum1.%d.co' % y, 'award_type': 'co_thi_dua_bo', 'max_count': 1, 'min_rating': 'band.htxs.%d' % y, 'basis': 'ballot_winner'},
                             {'id': 'quota.cum1.%d.bk' % y, 'award_type': 'bang_khen_bo_truong', 'max_count': 2, 'min_rating': 'band.htxs.%d' % y, 'basis': 'rank'}],
            'sources': [LEGAL_OLD] if y < 2024 else [{'title': 'shared/design/domain.md §2.1: từ 2024 theo Luật 2022, NĐ 98/2023, TT 18/2023/TT-BTNMT'}]}

# ---- meetings: the real 2021 and 2022 signings --------------------------------------------------------------
def between(start, end):
    i = SEED.index(start); j = SEED.index(end, i)
    return SEED[i:j].strip()

tasks = []
ORD = ['Một là,', 'Hai là,', 'Ba là,', 'Bốn là,', 'Năm là,']
for line in SEED.splitlines():
    if any(line.startswith(o) for o in ORD):
        tasks.append(line.strip())
assert len(tasks) == 5, tasks
TASK_NOTE = 'Nguyên văn bài báo (giữ cả lỗi chính tả của bản gốc, ví dụ “sang kiến”, “ngày các”)'
m2021 = {'id': 'mtg.cum1.2021-03-25.giao-uoc', 'rev': 1, 'year_id': 'year.cum1.2021', 'classification': 'covenant_signing',
         'name': 'Hội nghị ký giao ước thi đua Sở TN&MT 10 tỉnh, thành phố khu vực Đồng bằng sông Hồng năm 2021',
         'start_date': '2021-03-25', 'status': 'passed',
         'venue': {'name': 'Sở Tài nguyên và Môi trường tỉnh Bắc Ninh', 'host_org_id': 'org.sotnmt.27'},
         'participants': [
             {'id': 'part.2021-03-25.hoa', 'person_id': 'per.nguyen-thi-phuong-hoa', 'name': 'Nguyễn Thị Phương Hoa', 'organization_id': 'org.monre',
              'title_at_event': 'Thứ trưởng Bộ TN&MT', 'role_at_event': 'guest_of_honour', 'sources': [ARTICLE]},
             {'id': 'part.2021-03-25.khai', 'person_id': 'per.dao-quang-khai', 'name': 'Đào Quang Khải', 'organization_id': 'org.ubnd.27',
              'title_at_event': 'Phó Chủ tịch UBND tỉnh Bắc Ninh', 'role_at_event': 'host_guest', 'sources': [ARTICLE]}] + [
             {'id': 'part.2021-03-25.' + m[11:], 'name': 'Lãnh đạo ' + NAME[m], 'organization_id': m, 'role_at_event': 'delegate', 'sources': [ARTICLE]}
             for m in MEMBERS],
         'agenda': [
             {'id': 'agenda.2021-03-25.1', 'order': '1', 'description': 'Trao đổi, thảo luận và ký kết giao ước thi đua năm 2021 với chủ đề “Đoàn kết, kỷ cương, đổi mới toàn diện để phát triển”', 'sources': [ARTICLE]},
             {'id': 'agenda.2021-03-25.2', 'order': '2', 'description': 'Lãnh đạo Sở TN&MT tỉnh Bắc Ninh phát biểu tại hội nghị', 'presenter_org_id': 'org.sotnmt.27', 'sources': [ARTICLE]},
             {'id': 'agenda.2021-03-25.3', 'order': '3', 'description': 'Lãnh đạo Sở TN&MT tỉnh Hải Dương đóng góp ý kiến vào dự thảo kế hoạch tổ chức các hoạt động thi đua, khen thưởng và tuyên truyền năm 2021',
              'presenter_org_id': 'org.sotnmt.30', 'sources': [ARTICLE]},
             {'id': 'agenda.2021-03-25.4', 'order': '4', 'description': 'Thứ trưởng Bộ TN&MT Nguyễn Thị Phương Hoa phát biểu chỉ đạo', 'presenter_person_id': 'per.nguyen-thi-phuong-hoa', 'sources': [ARTICLE]}],
         'documents': [
             {'id': 'doc.2021-03-25.giao-uoc', 'doc_type': 'giao_uoc', 'title': 'Giao ước thi đua năm 2021 của Cụm thi đua số I', 'issued_date': '2021-03-25'},
             {'id': 'doc.2021-03-25.ke-hoach', 'doc_type': 'ke_hoach', 'title': 'Dự thảo kế hoạch tổ chức các hoạt động thi đua, khen thưởng và tuyên truyền năm 2021'}],
         'decisions': [{'id': 'dec.2021-03-25.%d' % (i + 1), 'rev': 1, 'kind': 'task', 'text': t, 'assigned_by_person_id': 'per.nguyen-thi-phuong-hoa',
                        'assignee_org_ids': MEMBERS, 'sources': [dict(ARTICLE, note=ARTICLE['note'] + '. ' + TASK_NOTE)]} for i, t in enumerate(tasks)],
         'sources': [ARTICLE]}
write('meetings/mtg.cum1.2021-03-25.giao-uoc.json', 'thidua.meeting', {'meeting': m2021})
m2022 = {'id': 'mtg.cum1.2022-03-17.giao-uoc', 'rev': 1, 'year_id': 'year.cum1.2022', 'classification': 'covenant_signing',
         'name': 'Hội nghị ký kết giao ước thi đua năm 2022 của Cụm thi đua số I', 'start_date': '2022-03-17', 'status': 'passed',
         'venue': {'name': 'Trung tâm Hội nghị thành phố Hải Phòng', 'host_org_id': 'org.sotnmt.31'},
         'participants': [{'id': 'part.2022-03-17.thai', 'person_id': 'per.mai-trong-thai', 'name': 'Mai Trọng Thái', 'organization_id': 'org.sotnmt.01',
                           'title_at_event': 'Phó Giám đốc Sở TN&MT Hà Nội', 'role_at_event': 'delegate', 'sources': [ART_2022]},
                          {'id': 'part.2022-03-17.chair', 'name': 'Lãnh đạo Sở TN&MT Hải Phòng (Cụm trưởng)', 'organization_id': 'org.sotnmt.31',
                           'role_at_event': 'chair', 'sources': [ART_2022]}],
         'sources': [ART_2022]}
write('meetings/mtg.cum1.2022-03-17.giao-uoc.json', 'thidua.meeting', {'meeting': m2022})

# ---- covenant 2021 ------------------------------------------------------------------------------------------
THEME = 'Đoàn kết, kỷ cương, đổi mới toàn diện để phát triển'
assert '“' + THEME + '”' in SEED
c_text = [
    'Tập trung đẩy mạnh nghiên cứu, quán triệt sâu sắc các chủ trương, đường lối của Đảng, chính sách pháp luật của Nhà nước về công tác thi đua khen thưởng.',
    between('Nâng cao hiêu quả', 'Tiếp tục triển khai thực hiện Nghị quyết').replace('hiêu quả', 'hiệu quả'),
    between('Tiếp tục triển khai thực hiện Nghị quyết', 'Lãnh đạo Sở TN&MT tỉnh Bắc Ninh phát biểu'),
    between('thi đua đổi mới, nâng cao hiệu quả', ' Đổi mới công tác thanh').replace('thi đua đổi mới', 'Thi đua đổi mới', 1),
    between('Đổi mới công tác thanh', ' Tập trung giải quyết'),
    between('Tập trung giải quyết những vấn đề', ' Tiếp tục đẩy mạnh cải cách'),
    between('Tiếp tục đẩy mạnh cải cách hành chính', 'Lãnh đạo Sở TN&MT tỉnh Hải Dương'),
]
assert c_text[0][10:60] in SEED
commitments = [{'id': 'commit.cum1.2021.%d' % (i + 1), 'order': i + 1, 'text': t,
                'sources': [dict(ARTICLE, note=ARTICLE['note'] + ('. Sửa lỗi chính tả “hiêu” → “hiệu” của bản gốc' if i == 1 else ''))]}
               for i, t in enumerate(c_text)]
rng = random.Random(20210325)
registrations = [{'id': 'reg.cum1.2021.' + m[11:], 'rev': 1, 'synthetic': True, 'organization_id': m,
                  'titles': ['Tập thể lao động xuất sắc', 'Cờ thi đua của Bộ Tài nguyên và Môi trường'],
                  'targets': [{'id': 'target.cum1.2021.%s.1' % m[11:], 'text': 'Tỷ lệ hồ sơ đất đai giải quyết đúng hạn', 'criterion_id': 'crit.cum1.2021.I.1', 'value': 95}]}
                 for m in MEMBERS]
write('years/2021/covenant.json', 'thidua.covenant', {
    'covenant': {'id': 'cov.cum1.2021', 'rev': 1, 'year_id': 'year.cum1.2021', 'meeting_id': 'mtg.cum1.2021-03-25.giao-uoc', 'theme': THEME,
                 'signed_date': '2021-03-25', 'commitments': commitments,
                 'signatories': [{'id': 'sig.cum1.2021.' + m[11:], 'organization_id': m, 'signed_date': '2021-03-25'} for m in MEMBERS],
                 'sources': [ARTICLE]},
    'registrations': registrations}, synthetic=True)

# ---- years: criteria, self scores, cross and final scores, ballots, proposals (all invented) ----------------
def value_for(rng, code, strength):
    k = KIND[code]
    if k == 'quantitative':
        # a percentage result: never above 100 % (the checker refuses more)
        return min(10000, int(round((TARGET[code] - 800 + strength * 1300 + rng.uniform(-150, 150)) / 10)) * 10)
    if k == 'manual':
        return min(MAX[code], int(round(MAX[code] * (strength + rng.uniform(-0.05, 0.05)) / 25)) * 25)
    if k == 'qualitative':
        return 100 if rng.random() < 0.5 + strength / 2 else 0
    if k == 'per_occurrence':
        return rng.randint(2, 4) * 100
    if k == 'bonus':
        return rng.randint(0, 3) * 100
    return (1 if rng.random() < 0.2 else 0) * 100

for y in YEARS:
    rng = random.Random(y)
    yid = 'year.cum1.%d' % y
    chair, deputy = CHAIR[y]
    year = {'id': yid, 'rev': 1, 'cluster_id': 'cluster.cum1', 'year': y, 'chair_org_id': chair, 'status': 'closed',
            'phases': [{'id': 'phase.cum1.%d.%s' % (y, k), 'kind': k, 'status': 'closed'} for k in
                       ['covenant', 'self_assessment', 'cross_scoring', 'final_scoring', 'voting', 'submission']]}
    if deputy: year['deputy_org_id'] = deputy
    if y == 2021:
        year['theme'] = THEME; year['sources'] = [ARTICLE]
    if y == 2022:
        year['sector_theme'] = 'Kỷ cương, trách nhiệm, đổi mới, hội nhập, hiệu quả'; year['sources'] = [ART_2022]
    write('years/%d/year.json' % y, 'thidua.year', {'year': year, 'ruleset': ruleset(y), 'criteria': criteria_for(y)}, synthetic=True)

    strength = {m: rng.uniform(0.72, 0.98) for m in MEMBERS}
    true = {m: {c: value_for(rng, c, strength[m]) for c in LEAVES} for m in MEMBERS}
    cid = lambda c: 'crit.cum1.%d.%s' % (y, c)
    for m in MEMBERS:
        scores = []
        for c in LEAVES:
            v = true[m][c]
            if KIND[c] == 'manual': v = min(MAX[c], v + 50)  # units are a little generous with themselves
            scores.append({'id': 'score.%d.self.%s.%s' % (y, m[11:], c), 'rev': 1, 'criterion_id': cid(c), 'subject_org_id': m,
                           'scorer_org_id': m, 'stage': 'self', 'value': pts(v)})
        write('years/%d/self/%s.json' % (y, m), 'thidua.self_assessment',
              {'year_id': yid, 'organization_id': m, 'report': 'Báo cáo tự chấm điểm thi đua năm %d (dữ liệu minh họa)' % y, 'scores': scores},
              synthetic=True, writer='member:' + m)
    scores = []
    for s in MEMBERS:
        for m in MEMBERS:
            if s == m: continue
            for c in LEAVES:
                v = true[m][c]
                if KIND[c] == 'manual': v = max(0, min(MAX[c], v + rng.choice([-50, -25, 0, 0, 25])))
                scores.append({'id': 'score.%d.cross.%s.%s.%s' % (y, s[11:], m[11:], c), 'rev': 1, 'criterion_id': cid(c), 'subject_org_id': m,
                               'scorer_org_id': s, 'stage': 'cross', 'value': pts(v)})
    for m in MEMBERS:
        for c in LEAVES:
            scores.append({'id': 'score.%d.final.%s.%s' % (y, m[11:], c), 'rev': 1, 'criterion_id': cid(c), 'subject_org_id': m,
                           'scorer_org_id': 'org.cum1', 'stage': 'final', 'value': pts(true[m][c])})
    totals = final_total(true)
    ranked = sorted(MEMBERS, key=lambda m: (-totals[m][0], -totals[m][1]))
    top = ranked[:3]
    mtg = 'mtg.cum1.%d-12-15.tong-ket' % y
    ballots = []
    if y == 2021:  # a tie in round 1, decided in round 2
        ballots.append({'id': 'ballot.cum1.2021.suy-ton.r1', 'rev': 1, 'meeting_id': mtg, 'motion': 'honour_leader', 'round': 1, 'seats': 1,
                        'candidates': top, 'members_present': 10, 'ballots_issued': 10, 'ballots_returned': 10, 'ballots_valid': 10, 'ballots_invalid': 0,
                        'counts': [{'option': top[0], 'votes': 4}, {'option': top[1], 'votes': 4}, {'option': top[2], 'votes': 2}]})
        ballots.append({'id': 'ballot.cum1.2021.suy-ton.r2', 'rev': 1, 'meeting_id': mtg, 'motion': 'honour_leader', 'round': 2,
                        'previous_round_id': 'ballot.cum1.2021.suy-ton.r1', 'seats': 1, 'candidates': top[:2], 'members_present': 10,
                        'ballots_issued': 10, 'ballots_returned': 10, 'ballots_valid': 9, 'ballots_invalid': 1,
                        'counts': [{'option': top[0], 'votes': 6}, {'option': top[1], 'votes': 3}]})
    else:
        v1 = rng.randint(6, 9)
        ballots.append({'id': 'ballot.cum1.%d.suy-ton.r1' % y, 'rev': 1, 'meeting_id': mtg, 'motion': 'honour_leader', 'round': 1, 'seats': 1,
                        'candidates': top, 'members_present': 10, 'ballots_issued': 10, 'ballots_returned': 10, 'ballots_valid': 10, 'ballots_invalid': 0,
                        'counts': [{'option': top[0], 'votes': v1}, {'option': top[1], 'votes': 10 - v1 - 1}, {'option': top[2], 'votes': 1}]})
    winner_ballot = ballots[-1]['id']
    props = [{'id': 'prop.cum1.%d.co' % y, 'rev': 1, 'award_type': 'co_thi_dua_bo', 'organization_id': top[0], 'basis': 'ballot_winner',
              'ballot_id': winner_ballot, 'status': 'submitted'}]
    for i, m in enumerate([r for r in ranked if r != top[0] and totals[r][0] >= 9000][:2]):
        props.append({'id': 'prop.cum1.%d.bk.%d' % (y, i + 1), 'rev': 1, 'award_type': 'bang_khen_bo_truong', 'organization_id': m, 'basis': 'rank', 'status': 'submitted'})
    write('years/%d/results.json' % y, 'thidua.results', {'year_id': yid, 'scores': scores, 'ballots': ballots, 'award_proposals': props}, synthetic=True)
    host = chair
    write('meetings/%s.json' % mtg, 'thidua.meeting', {'meeting': {
        'id': mtg, 'rev': 1, 'year_id': yid, 'classification': 'year_end_summary', 'name': 'Hội nghị tổng kết công tác thi đua năm %d của Cụm thi đua số I (minh họa)' % y,
        'start_date': '%d-12-15' % y, 'status': 'passed', 'venue': {'name': NAME[host], 'host_org_id': host},
        'participants': [{'id': 'part.%d-12-15.%s' % (y, m[11:]), 'name': 'Lãnh đạo ' + NAME[m], 'organization_id': m, 'role_at_event': 'chair' if m == host else 'delegate'} for m in MEMBERS],
        'agenda': [{'id': 'agenda.%d-12-15.%d' % (y, i + 1), 'order': str(i + 1), 'description': d} for i, d in enumerate(
            ['Báo cáo tổng kết công tác thi đua năm %d' % y, 'Thông qua kết quả chấm điểm, xếp hạng', 'Bỏ phiếu kín suy tôn đơn vị dẫn đầu', 'Bàn giao Cụm trưởng năm %d' % (y + 1)])],
        'documents': [{'id': 'doc.%d-12-15.bien-ban-kiem-phieu' % y, 'doc_type': 'bien_ban_kiem_phieu', 'title': 'Biên bản kiểm phiếu suy tôn đơn vị dẫn đầu năm %d' % y}]}},
        synthetic=True)

# ---- 2025 and 2026: the successor units (all invented: scores, ballots, meetings, themes, dates) ----------------
# 2025 is finished; 2026 is under way (today in the sample is late November 2026: self-assessment open, the
# year-end conference booked for mid-December). The covenant of 2025 was signed after the units were formed.
NEW_THEME = {2025: 'Đoàn kết, sắp xếp tinh gọn, hoạt động hiệu lực, hiệu quả (minh họa)',
             2026: 'Đoàn kết, đổi mới, chuyển đổi số, phát triển bền vững (minh họa)'}
NEW_CHAIR = {2025: ('org.sonnmt.37', 'org.sonnmt.25'), 2026: ('org.sonnmt.25', 'org.sonnmt.01')}
SIGNING = {2025: '2025-07-24', 2026: '2026-03-19'}
YEAR_END = {2025: '2025-12-15', 2026: '2026-12-16'}
SUBMITTED_2026 = {'org.sonnmt.01': '2026-11-20', 'org.sonnmt.25': '2026-11-24', 'org.sonnmt.31': '2026-11-26', 'org.sonnmt.37': '2026-11-27'}
PHASES = ['covenant', 'self_assessment', 'cross_scoring', 'final_scoring', 'voting', 'submission']

def participants(day, members, host):
    return [{'id': 'part.%s.%s' % (day, m[11:]), 'name': 'Lãnh đạo ' + NAME[m], 'organization_id': m,
             'role_at_event': 'chair' if m == host else 'delegate'} for m in members]

def self_scores(y, m, values):
    out = []
    for c in LEAVES:
        v = values[c]
        if KIND[c] == 'manual': v = min(MAX[c], v + 50)
        out.append({'id': 'score.%d.self.%s.%s' % (y, m[11:], c), 'rev': 1, 'criterion_id': 'crit.cum1.%d.%s' % (y, c), 'subject_org_id': m,
                    'scorer_org_id': m, 'stage': 'self', 'value': pts(v)})
    return out

for y in [2025, 2026]:
    rng = random.Random(y)
    yid = 'year.cum1.%d' % y
    chair, deputy = NEW_CHAIR[y]
    done = y == 2025
    year = {'id': yid, 'rev': 1, 'cluster_id': 'cluster.cum1', 'year': y, 'theme': NEW_THEME[y], 'chair_org_id': chair, 'deputy_org_id': deputy,
            'status': 'closed' if done else 'active', 'phases': []}
    for k in PHASES:
        ph = {'id': 'phase.cum1.%d.%s' % (y, k), 'kind': k, 'status': 'closed'}
        if not done:
            ph['status'] = {'covenant': 'closed', 'self_assessment': 'open'}.get(k, 'not_started')
            if k == 'covenant': ph['start_date'], ph['end_date'] = '2026-01-15', '2026-03-19'
            if k == 'self_assessment': ph['start_date'], ph['end_date'] = '2026-11-02', '2026-12-04'
        year['phases'].append(ph)
    write('years/%d/year.json' % y, 'thidua.year', {'year': year, 'ruleset': ruleset(y), 'criteria': criteria_for(y)}, synthetic=True)

    signing = 'mtg.cum1.%s.giao-uoc' % SIGNING[y]
    write('years/%d/covenant.json' % y, 'thidua.covenant', {
        'covenant': {'id': 'cov.cum1.%d' % y, 'rev': 1, 'year_id': yid, 'meeting_id': signing, 'theme': NEW_THEME[y], 'signed_date': SIGNING[y],
                     'commitments': [{'id': 'commit.cum1.%d.%d' % (y, i + 1), 'order': i + 1, 'text': t} for i, t in enumerate([
                         'Hoàn thành toàn diện các nhiệm vụ chính trị năm %d được Ủy ban nhân dân tỉnh, thành phố và Bộ Nông nghiệp và Môi trường giao.' % y,
                         'Đẩy mạnh cải cách hành chính, chuyển đổi số; giải quyết hồ sơ đất đai, môi trường đúng hạn.',
                         'Tổ chức bộ máy sau sắp xếp ổn định, hoạt động thông suốt, hiệu lực, hiệu quả.' if y == 2025 else
                         'Nâng cao hiệu quả quản lý tài nguyên, bảo vệ môi trường, ứng phó với biến đổi khí hậu.',
                         'Tham gia đầy đủ các hoạt động của Cụm; gửi báo cáo thi đua, khen thưởng đúng hạn.'])],
                     'signatories': [{'id': 'sig.cum1.%d.%s' % (y, m[11:]), 'organization_id': m, 'signed_date': SIGNING[y]} for m in NEW_MEMBERS]},
        'registrations': [{'id': 'reg.cum1.%d.%s' % (y, m[11:]), 'rev': 1, 'synthetic': True, 'organization_id': m,
                           'titles': ['Tập thể lao động xuất sắc', 'Cờ thi đua của Bộ Nông nghiệp và Môi trường'],
                           'targets': [{'id': 'target.cum1.%d.%s.1' % (y, m[11:]), 'text': 'Tỷ lệ hồ sơ đất đai giải quyết đúng hạn',
                                        'criterion_id': 'crit.cum1.%d.I.1' % y, 'value': 95}]} for m in NEW_MEMBERS]}, synthetic=True)
    write('meetings/%s.json' % signing, 'thidua.meeting', {'meeting': {
        'id': signing, 'rev': 1, 'year_id': yid, 'classification': 'covenant_signing',
        'name': 'Hội nghị ký kết giao ước thi đua năm %d của Cụm thi đua số I (minh họa)' % y, 'start_date': SIGNING[y], 'start_time': '08:30',
        'status': 'passed', 'venue': {'name': FULL_NEW[chair], 'host_org_id': chair}, 'participants': participants(SIGNING[y], NEW_MEMBERS, chair),
        'agenda': [{'id': 'agenda.%s.%d' % (SIGNING[y], i + 1), 'order': str(i + 1), 'description': d} for i, d in enumerate(
            (['Giới thiệu các đơn vị thành viên của Cụm sau sắp xếp từ 01/7/2025'] if y == 2025 else []) +
            ['Công bố Cụm trưởng, Cụm phó năm %d' % y, 'Thông qua nội dung giao ước thi đua năm %d' % y, 'Ký kết giao ước thi đua'])],
        'documents': [{'id': 'doc.%s.giao-uoc' % SIGNING[y], 'doc_type': 'giao_uoc', 'title': 'Giao ước thi đua năm %d của Cụm thi đua số I' % y,
                       'issued_date': SIGNING[y]}]}}, synthetic=True)

    strength = {m: rng.uniform(0.80, 0.99) for m in NEW_MEMBERS}  # stronger than in 2021-2024: two Bằng khen proposals
    true = {m: {c: value_for(rng, c, strength[m]) for c in LEAVES} for m in NEW_MEMBERS}
    for i, m in enumerate(NEW_MEMBERS):
        body = {'year_id': yid, 'organization_id': m, 'scores': []}
        submitted = '2025-11-%02d' % (14 + 2 * i) if done else SUBMITTED_2026.get(m, '')
        if submitted:
            body['report'] = 'Báo cáo tự chấm điểm thi đua năm %d (dữ liệu minh họa)' % y
            body['submitted_date'] = submitted
            body['scores'] = self_scores(y, m, true[m])
        write('years/%d/self/%s.json' % (y, m), 'thidua.self_assessment', body, synthetic=True, writer='member:' + m)

    mtg = 'mtg.cum1.%s.tong-ket' % YEAR_END[y]
    day = YEAR_END[y]
    if not done:
        write('years/%d/results.json' % y, 'thidua.results', {'year_id': yid, 'scores': [], 'ballots': [], 'award_proposals': []}, synthetic=True)
        write('meetings/%s.json' % mtg, 'thidua.meeting', {'meeting': {
            'id': mtg, 'rev': 1, 'year_id': yid, 'classification': 'year_end_summary',
            'name': 'Hội nghị tổng kết công tác thi đua năm %d của Cụm thi đua số I (minh họa)' % y, 'start_date': day, 'start_time': '08:30',
            'status': 'confirmed', 'venue': {'name': FULL_NEW[chair], 'host_org_id': chair}, 'participants': participants(day, NEW_MEMBERS, chair),
            'agenda': [{'id': 'agenda.%s.%d' % (day, i + 1), 'order': str(i + 1), 'description': d} for i, d in enumerate(
                ['Báo cáo tổng kết công tác thi đua năm %d' % y, 'Thông qua kết quả chấm điểm, xếp hạng', 'Bỏ phiếu kín suy tôn đơn vị dẫn đầu',
                 'Bàn giao Cụm trưởng năm %d' % (y + 1)])]}}, synthetic=True)
        continue

    scores = []
    for sc in NEW_MEMBERS:
        for m in NEW_MEMBERS:
            if sc == m: continue
            for c in LEAVES:
                v = true[m][c]
                if KIND[c] == 'manual': v = max(0, min(MAX[c], v + rng.choice([-50, -25, 0, 0, 25])))
                scores.append({'id': 'score.%d.cross.%s.%s.%s' % (y, sc[11:], m[11:], c), 'rev': 1, 'criterion_id': 'crit.cum1.%d.%s' % (y, c),
                               'subject_org_id': m, 'scorer_org_id': sc, 'stage': 'cross', 'value': pts(v)})
    for m in NEW_MEMBERS:
        for c in LEAVES:
            scores.append({'id': 'score.%d.final.%s.%s' % (y, m[11:], c), 'rev': 1, 'criterion_id': 'crit.cum1.%d.%s' % (y, c), 'subject_org_id': m,
                           'scorer_org_id': 'org.cum1', 'stage': 'final', 'value': pts(true[m][c])})
    totals = final_total(true)
    ranked = sorted(NEW_MEMBERS, key=lambda m: (-totals[m][0], -totals[m][1]))
    top = ranked[:3]
    n = len(NEW_MEMBERS)
    v1 = rng.randint(4, 5)  # more than half of the 6 members
    ballot = {'id': 'ballot.cum1.%d.suy-ton.r1' % y, 'rev': 1, 'meeting_id': mtg, 'motion': 'honour_leader', 'round': 1, 'seats': 1,
              'candidates': top, 'members_present': n, 'ballots_issued': n, 'ballots_returned': n, 'ballots_valid': n, 'ballots_invalid': 0,
              'counts': [{'option': top[0], 'votes': v1}, {'option': top[1], 'votes': n - v1 - 1}, {'option': top[2], 'votes': 1}],
              'counting_team_names': ['Phạm Thị Ngọc Anh', 'Vũ Đức Long', 'Lê Thu Hương']}
    note = 'Dữ liệu minh họa: không ghi số quyết định vì không có quyết định thật'
    props = [{'id': 'prop.cum1.%d.co' % y, 'rev': 1, 'award_type': 'co_thi_dua_bo', 'organization_id': top[0], 'basis': 'ballot_winner',
              'ballot_id': ballot['id'], 'rank': ranked.index(top[0]) + 1, 'status': 'approved', 'decision_date': '2026-04-10', 'note': note}]
    for i, m in enumerate([r for r in ranked if r != top[0] and totals[r][0] >= 9000][:2]):
        p = {'id': 'prop.cum1.%d.bk.%d' % (y, i + 1), 'rev': 1, 'award_type': 'bang_khen_bo_truong', 'organization_id': m, 'basis': 'rank',
             'rank': ranked.index(m) + 1, 'status': 'approved' if i == 0 else 'submitted'}
        if i == 0: p['decision_date'] = '2026-04-10'; p['note'] = note
        props.append(p)
    write('years/%d/results.json' % y, 'thidua.results', {'year_id': yid, 'scores': scores, 'ballots': [ballot], 'award_proposals': props}, synthetic=True)
    write('meetings/%s.json' % mtg, 'thidua.meeting', {'meeting': {
        'id': mtg, 'rev': 1, 'year_id': yid, 'classification': 'year_end_summary',
        'name': 'Hội nghị tổng kết công tác thi đua năm %d của Cụm thi đua số I (minh họa)' % y, 'start_date': day, 'start_time': '08:30',
        'status': 'passed', 'venue': {'name': FULL_NEW[chair], 'host_org_id': chair}, 'participants': participants(day, NEW_MEMBERS, chair),
        'agenda': [{'id': 'agenda.%s.%d' % (day, i + 1), 'order': str(i + 1), 'description': d} for i, d in enumerate(
            ['Báo cáo tổng kết công tác thi đua năm %d' % y, 'Thông qua kết quả chấm điểm, xếp hạng', 'Bỏ phiếu kín suy tôn đơn vị dẫn đầu',
             'Bàn giao Cụm trưởng năm %d' % (y + 1)])],
        'documents': [{'id': 'doc.%s.bien-ban-kiem-phieu' % day, 'doc_type': 'bien_ban_kiem_phieu',
                       'title': 'Biên bản kiểm phiếu suy tôn đơn vị dẫn đầu năm %d' % y}],
        'decisions': [{'id': 'dec.%s.1' % day, 'rev': 1, 'kind': 'conclusion', 'assignee_org_ids': [chair],
                       'text': 'Thống nhất đề nghị Bộ Nông nghiệp và Môi trường tặng Cờ thi đua cho ' + NAME[top[0]] + ' (minh họa)'}]}}, synthetic=True)

files.sort()
resources = [{'path': p, 'format': f, 'schema_version': 1, 'writer': w} for p, f, w in files]
write('datapackage.json', 'thidua.datapackage', {'name': 'cum1', 'title': 'Cụm thi đua số I – Bộ Tài nguyên và Môi trường (dữ liệu mẫu)', 'resources': resources})
print('wrote %d files to %s' % (len(files), OUT))
