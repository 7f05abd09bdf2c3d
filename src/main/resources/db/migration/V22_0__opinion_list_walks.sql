-- The staff opinion list, newest (or oldest) first, read in order from an index instead of sorting every opinion
-- of the caller's region for one page. opinion_region_idx (region_code, received_at desc) is ordered within each
-- code, and a county or a city is a range of township and village codes, so it cannot give them in time order.
--
-- A county (and a township within it: the list adds the township's LIKE as a filter) walks this one: its first 6
-- digits are the county's code, so a county is one equal key, in time order, and its page at any depth and its
-- total counted up to the cap read only that county's entries. An expression index rather than a stored generated
-- column: nothing is rewritten and ANALYZE keeps statistics for the expression all the same.
create index opinion_county_received_idx on opinion (left(region_code, 6), received_at, id);

-- A city or the province (whose codes are most or all of the table) walks the time order itself and filters.
create index opinion_received_idx on opinion (received_at, id);
