// Tests and benchmarks import the demo form generator from here, as before it moved into the package's source.
export * from '../src/demo/generate-form.ts';
