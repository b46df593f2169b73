import type { Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../support/server.ts';

export class LoginPage {
  constructor(
    private readonly page: Page,
    private readonly baseUrl: string,
  ) {}

  async open(): Promise<void> {
    await this.page.goto(`${this.baseUrl}/login`);
  }

  /** Signs in and waits for the home page (待办). */
  async signIn(username: string, password = DEMO_PASSWORD): Promise<void> {
    await this.open();
    await this.page.getByLabel('用户名').fill(username);
    await this.page.getByLabel('密码').fill(password);
    await this.page.getByRole('button', { name: /登\s*录/u }).click();
    await this.page.waitForURL(/\/app$/u);
    await this.page.getByRole('heading', { name: /您好/u }).waitFor();
  }

  async signInExpectingError(username: string, password: string): Promise<string> {
    await this.open();
    await this.page.getByLabel('用户名').fill(username);
    await this.page.getByLabel('密码').fill(password);
    await this.page.getByRole('button', { name: /登\s*录/u }).click();
    const alert = this.page.getByRole('alert');
    await alert.waitFor();
    return (await alert.textContent()) ?? '';
  }
}
