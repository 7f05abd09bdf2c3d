-- Replies marked public appear on the portal; a written notice to the deputy recorded after an approved extension.
alter table proposal add column reply_public boolean not null default false;
alter table proposal add column extension_notice text;
alter table proposal add column extension_noticed_at timestamptz;

-- Every reply a proposal got, in order: the reply of each round of handling and the follow-up replies of B and C
-- replies when the matter is solved. The proposal's own reply columns hold the latest.
create table proposal_reply (
    id          uuid primary key,
    proposal_id uuid not null references proposal (id) on delete cascade,
    kind        varchar(12) not null,
    reply_class varchar(1) not null,
    text        text not null,
    at          timestamptz not null,
    actor       varchar(64),
    round       int not null
);
create index proposal_reply_proposal_idx on proposal_reply (proposal_id, at);
create index proposal_public_reply_idx on proposal (replied_at desc) where reply_public;
