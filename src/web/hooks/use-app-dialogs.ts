import { createContext, useContext } from 'react';

export type AppDialogs = {
  openQuickAdd(): void;
  openLogInterview(applicationId?: string): void;
  openShortcuts(): void;
};

export const AppDialogsContext = createContext<AppDialogs>({
  openQuickAdd: () => {},
  openLogInterview: () => {},
  openShortcuts: () => {},
});

/** The dialogs that open from anywhere: quick add (`n`), log an interview (`i`) and the shortcuts (`?`). */
export function useAppDialogs(): AppDialogs {
  return useContext(AppDialogsContext);
}
