import { layerFiles } from './layers';

describe('layerFiles', () => {
  it('orders shared, shared profile, service, service profile', () => {
    expect(layerFiles('gateway', 'test')).toEqual([
      'application.yml',
      'application-test.yml',
      'gateway.yml',
      'gateway-test.yml',
    ]);
  });
});
