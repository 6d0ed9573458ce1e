import type { ListState, ListUrl } from "@/lib/list-url-state";

/** Every shared list part builds its links from the page's URL rules and the state the user is in. */
export type ListProps<Sort extends string, Status extends string> = { list: ListUrl<Sort, Status>; state: ListState<Sort, Status> };
