export declare const PEER_IP_HEADER: "x-si-peer-ip";
export declare function stampPeer(req: { headers: Record<string, string | string[] | undefined>; socket: { remoteAddress?: string } }): void;
