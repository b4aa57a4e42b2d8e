import { describe, expect, it } from 'vitest';
import { defaultCatalog } from '../src/model/tables/catalog.js';
import { economicItemNamed } from '../src/model/tables/economic-classes.js';

const named = (code: string, name: string) => economicItemNamed(defaultCatalog().economicClasses, { code, name });

describe('economic items by name (tables/economic-classes.yaml)', () => {
  it("knows a row's name as its code's, whatever brackets, 支出 or 费用 it prints", () => {
    expect(named('30213', '维修(护)费')).toEqual({ nameCode: '30213', codeName: '维修（护）费' });
    expect(named('30212', '因公出国（境）费')).toEqual({ nameCode: '30212', codeName: '因公出国（境）费用' });
    expect(named('30399', '其他对个人和家庭的补助支出')).toEqual({ nameCode: '30399', codeName: '其他对个人和家庭的补助' });
    // the names of earlier years: 住房公积金 was 30311, 30104 其他社会保障缴费
    expect(named('30311', '住房公积金')?.nameCode).toBe('30311');
    expect(named('30104', '其他社会保障缴费')?.nameCode).toBe('30104');
  });
  it("names the item a misplaced name is of: in the row's own class where two classes share the name", () => {
    expect(named('30203', '水费')).toEqual({ nameCode: '30205', codeName: '咨询费' });
    expect(named('31003', '办公设备购置')).toEqual({ nameCode: '31002', codeName: '专用设备购置' });
    expect(named('30903', '办公设备购置')).toEqual({ nameCode: '30902', codeName: '专用设备购置' });
    // …and both where neither is in the row's class (社会福利院 2024: 办公设备购置费 printed as 30206, 电费's code)
    expect(named('30206', '办公设备购置费')).toEqual({ nameCode: '30902 或 31002', codeName: '电费' });
    expect(named('31002', '办公设备购置费')).toEqual({ nameCode: '31002', codeName: '办公设备购置' });
  });
  it('says nothing of a name or a code it does not hold, nor of a class row or a function code', () => {
    expect(named('30231', '车辆运行费')).toBeNull();
    expect(named('30298', '水费')).toBeNull();
    expect(named('302', '商品和服务支出')).toBeNull();
    expect(named('2010101', '行政运行')).toBeNull();
  });
});
