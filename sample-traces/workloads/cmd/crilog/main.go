// Command crilog runs a child process and writes its stdout and stderr the way
// a Kubernetes node would store or show them, stamping each line at the moment
// it arrives. Standard library only.
//
//	crilog [-format cri|kubectl] [-o FILE] [-max-line N] -- COMMAND [ARGS...]
//
// -format cri (default) follows containerd's CRI logger
// (internal/cri/io/logger.go, redirectLogs): each line becomes
//
//	<time.RFC3339Nano> <stream> <tag> <content>
//
// where stream is "stdout" or "stderr", tag is "F" for a full line and "P" for
// a partial one. A line longer than -max-line bytes (containerd's
// max_container_log_line_size, default 16384) is cut into P pieces followed by
// an F piece; output that ends without a newline at EOF is written as P.
// A trailing "\r" before "\n" is dropped, as containerd's readLine does.
// RFC3339Nano drops trailing zeros of the fraction, so a stamp can have fewer
// than 9 digits, exactly as in containerd's files. Stamps are in UTC.
//
// -format kubectl writes what `kubectl logs --timestamps` prints for such a
// file: the kubelet re-formats each stamp with the fixed-width layout
// "2006-01-02T15:04:05.000000000Z07:00" (pkg/kubelet/kuberuntime/logs), then a
// space and the content. Partial pieces are joined back into one line (the
// kubelet does the same), so no P/F tags and no stream name appear.
//
// The file given with -o is opened for appending (O_APPEND), so several runs
// can go to one file. Exit status is the child's.
package main

import (
	"bufio"
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"sync"
	"time"
)

const (
	criTimeFormat     = time.RFC3339Nano
	kubectlTimeFormat = "2006-01-02T15:04:05.000000000Z07:00"
	defaultBufSize    = 4096
)

var (
	format  = flag.String("format", "cri", "output format: cri or kubectl")
	outPath = flag.String("o", "", "output file (appended to); default stdout")
	maxLen  = flag.Int("max-line", 16384, "CRI max line size before a line is split into partial (P) pieces; <= 0 means no limit")
)

type sink struct {
	mu sync.Mutex
	w  io.Writer
}

func (s *sink) write(b []byte) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, err := s.w.Write(b); err != nil {
		fmt.Fprintln(os.Stderr, "crilog: write:", err)
	}
}

func main() {
	flag.Parse()
	args := flag.Args()
	if len(args) == 0 || (*format != "cri" && *format != "kubectl") {
		fmt.Fprintln(os.Stderr, "usage: crilog [-format cri|kubectl] [-o FILE] [-max-line N] -- COMMAND [ARGS...]")
		os.Exit(2)
	}
	var w io.Writer = os.Stdout
	if *outPath != "" {
		f, err := os.OpenFile(*outPath, os.O_WRONLY|os.O_CREATE|os.O_APPEND, 0o644)
		if err != nil {
			fmt.Fprintln(os.Stderr, "crilog:", err)
			os.Exit(1)
		}
		defer f.Close()
		w = f
	}
	out := &sink{w: w}

	cmd := exec.Command(args[0], args[1:]...)
	cmd.Stdin = nil
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		fmt.Fprintln(os.Stderr, "crilog:", err)
		os.Exit(1)
	}
	stderr, err := cmd.StderrPipe()
	if err != nil {
		fmt.Fprintln(os.Stderr, "crilog:", err)
		os.Exit(1)
	}
	if err := cmd.Start(); err != nil {
		fmt.Fprintln(os.Stderr, "crilog:", err)
		os.Exit(1)
	}
	var wg sync.WaitGroup
	for _, s := range []struct {
		name string
		r    io.Reader
	}{{"stdout", stdout}, {"stderr", stderr}} {
		wg.Add(1)
		go func(name string, r io.Reader) {
			defer wg.Done()
			redirect(r, out, name, *maxLen, *format == "kubectl")
		}(s.name, s.r)
	}
	wg.Wait() // read everything before Wait closes the pipes
	err = cmd.Wait()
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		os.Exit(ee.ExitCode())
	} else if err != nil {
		fmt.Fprintln(os.Stderr, "crilog:", err)
		os.Exit(1)
	}
}

// readLine is bufio.Reader.ReadLine that also reports whether the line ended
// without a newline (err != nil), like containerd's readLine.
func readLine(b *bufio.Reader) (line []byte, isPrefix bool, err error) {
	line, err = b.ReadSlice('\n')
	if err == bufio.ErrBufferFull {
		if len(line) > 0 && line[len(line)-1] == '\r' {
			_ = b.UnreadByte()
			line = line[:len(line)-1]
		}
		return line, true, nil
	}
	if len(line) == 0 {
		if err != nil {
			line = nil
		}
		return
	}
	if line[len(line)-1] == '\n' {
		drop := 1
		if len(line) > 1 && line[len(line)-2] == '\r' {
			drop = 2
		}
		line = line[:len(line)-drop]
	}
	return
}

// redirect mirrors containerd's redirectLogs: it collects the pieces of one
// line, cuts it at maxLen into partial entries, and stamps each entry with
// the time at which it is complete.
func redirect(rc io.Reader, out *sink, stream string, maxLen int, kubectl bool) {
	bufSize := defaultBufSize
	if maxLen > 0 && maxLen < bufSize {
		bufSize = maxLen
	}
	r := bufio.NewReaderSize(rc, bufSize)
	var (
		buf     [][]byte
		length  int
		pending []byte // kubectl: content of partial entries not yet shown
		pendTS  time.Time
		line    bytes.Buffer
	)
	write := func(partial bool, pieces [][]byte) {
		now := time.Now().UTC()
		line.Reset()
		if kubectl {
			// kubelet joins P entries with the following F entry; the stamp
			// shown is the one of the first piece.
			if len(pending) == 0 {
				pendTS = now
			}
			for _, p := range pieces {
				pending = append(pending, p...)
			}
			if partial {
				return
			}
			line.WriteString(pendTS.Format(kubectlTimeFormat))
			line.WriteByte(' ')
			line.Write(pending)
			pending = pending[:0]
		} else {
			line.WriteString(now.Format(criTimeFormat))
			line.WriteByte(' ')
			line.WriteString(stream)
			line.WriteByte(' ')
			if partial {
				line.WriteByte('P')
			} else {
				line.WriteByte('F')
			}
			line.WriteByte(' ')
			for _, p := range pieces {
				line.Write(p)
			}
		}
		line.WriteByte('\n')
		out.write(line.Bytes())
	}
	for {
		var stop bool
		newLine, isPrefix, err := readLine(r)
		if len(newLine) > 0 {
			l := make([]byte, len(newLine))
			copy(l, newLine)
			buf = append(buf, l)
			length += len(l)
		}
		if err != nil {
			if length == 0 {
				break
			}
			stop = true
		}
		if maxLen > 0 && length > maxLen {
			exceed := length - maxLen
			last := buf[len(buf)-1]
			buf[len(buf)-1] = last[:len(last)-exceed]
			write(true, buf)
			buf = [][]byte{last[len(last)-exceed:]}
			length = exceed
		}
		if isPrefix {
			continue
		}
		write(stop, buf)
		buf = nil
		length = 0
		if stop {
			break
		}
	}
	if kubectl && len(pending) > 0 {
		// Output ended inside a partial line: show what there is.
		line.Reset()
		line.WriteString(pendTS.Format(kubectlTimeFormat))
		line.WriteByte(' ')
		line.Write(pending)
		line.WriteByte('\n')
		out.write(line.Bytes())
	}
}
