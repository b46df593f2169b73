import { readFileSync, writeFileSync } from 'node:fs';

const MIB = 1024 * 1024;

/** The process's peak resident memory since the last reset (Linux: VmHWM). */
const peakResident = (): number => {
  const kilobytes = /VmHWM:\s+(\d+) kB/u.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
  if (!kilobytes) throw new Error('/proc/self/status has no VmHWM');
  return Number(kilobytes) * 1024;
};

export type Cost<T> = { value: T; cpuMs: number; growthMb: number };

/**
 * What one call costs the process: CPU time of every thread, worker threads included (not wall time, which a
 * loaded machine stretches), and how far its resident memory rose above where it stood, at the call's worst
 * moment. The peak is reset first (Linux `clear_refs`), so an earlier peak of the test process cannot hide in it.
 */
export const measureCost = async <T>(run: () => T | Promise<T>): Promise<Cost<T>> => {
  writeFileSync('/proc/self/clear_refs', '5');
  const residentBefore = process.memoryUsage.rss();
  const cpuBefore = process.cpuUsage();
  const value = await run();
  const cpu = process.cpuUsage(cpuBefore);
  return { value, cpuMs: (cpu.user + cpu.system) / 1000, growthMb: (peakResident() - residentBefore) / MIB };
};
