package db

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/jobs-cli/jobs"
)

// Every earlier schema version upgrades to the latest with its data intact: a file is made at
// version k with a posting, a page and a run in it, then opened by this build.
func TestUpgradeFromEveryEarlierVersion(t *testing.T) {
	ctx := context.Background()
	all, err := loadMigrations(migrationFS)
	if err != nil {
		t.Fatal(err)
	}
	for k := 1; k < len(all); k++ {
		t.Run(fmt.Sprintf("from_%d", k), func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "old.db")
			old := &DB{path: path, now: time.Now}
			if old.write, err = sql.Open("sqlite", dsn(path, "_txlock=immediate")); err != nil {
				t.Fatal(err)
			}
			if err := old.applyMigrations(ctx, all[:k]); err != nil {
				t.Fatal(err)
			}
			now := formatTime(time.Now())
			for _, q := range []string{
				`INSERT INTO postings (source, source_id, url, company, title, status, first_seen, last_seen)
					VALUES ('wanted', '101', 'https://www.wanted.co.kr/wd/101', '토스', 'Server Developer', 'open', '` + now + `', '` + now + `')`,
				`INSERT INTO posting_texts (posting_id, requirements) VALUES (1, '• Go 3년 이상')`,
				`INSERT INTO requirements (posting_id, skill, section, ord) VALUES (1, 'Go', 'required', 0)`,
				`INSERT INTO pages (source, source_id, url, fetched_at, outcome) VALUES ('wanted', '101', 'u', '` + now + `', 'kept')`,
				`INSERT INTO runs (started_at, ended_at) VALUES ('` + now + `', '` + now + `')`,
			} {
				if _, err := old.write.ExecContext(ctx, q); err != nil {
					t.Fatalf("version %d: %v", k, err)
				}
			}
			if k >= 6 { // from 0006 the store writes a posting's skills summary with its rows
				if _, err := old.write.ExecContext(ctx, `UPDATE postings SET skills = 'required:Go' WHERE id = 1`); err != nil {
					t.Fatal(err)
				}
			}
			old.write.Close()

			d, err := Open(ctx, path)
			if err != nil {
				t.Fatalf("opening a version %d file: %v", k, err)
			}
			defer d.Close()
			if v, _ := d.SchemaVersion(ctx); v != len(all) {
				t.Errorf("version %d after upgrade, want %d", v, len(all))
			}
			p, err := d.FindBySource(ctx, "wanted", "101")
			if err != nil || p.Sections.Requirements != "• Go 3년 이상" || len(p.Analysis.Skills) != 1 || p.GroupID != p.ID {
				t.Fatalf("posting after upgrade: %+v, %v", p, err)
			}
			// The list reads the skills summary, filled from the requirement rows.
			if list, err := d.ListPostings(ctx, jobs.Filter{}); err != nil || len(list) != 1 ||
				len(list[0].Analysis.Skills) != 1 || list[0].Analysis.Skills[0].Skill != "Go" {
				t.Errorf("list after upgrade: %v, %v", list, err)
			}
			known, err := d.Known(ctx, "wanted")
			if err != nil || known["101"].Outcome != jobs.OutcomeKept {
				t.Errorf("pages after upgrade: %v, %v", known, err)
			}
			// And the upgraded file takes new writes.
			if _, _, err := d.UpsertPosting(ctx, posting("wanted", "102")); err != nil {
				t.Errorf("upsert after upgrade: %v", err)
			}
		})
	}
}
