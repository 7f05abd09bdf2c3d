-- The citizen's similar-opinion hint reads only opinions whose reply was published (closed, with a reply): a
-- quarter of the index. Their own GIN index lets the hint's candidate query visit only those rows' pages, not
-- those of every record sharing its rarest term (BENCHMARKS.md, similar items at 1,000,000 opinions).
-- search_document holds no region policy (V27_0): every query on it carries its scope's conditions.
create index if not exists search_document_published_tokens_idx on search_document
    using gin (array_to_tsvector(string_to_array(tokens, ' ')))
    where type = 'OPINION' and closed and reply is not null;
