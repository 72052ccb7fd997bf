package extract

// HTML cleans an HTML page.
func HTML(data []byte) *Result { return Text(data) }
