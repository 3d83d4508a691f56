/** A real, valid one-page PDF (correct xref offsets), small enough to read in a test failure. */
export function pdfDocument(lines: string[]): Buffer {
	const text = lines
		.map(
			(line, index) =>
				`BT /F1 12 Tf 40 ${760 - index * 18} Td (${line.replace(/[()\\]/g, '')}) Tj ET`,
		)
		.join('\n');
	const objects = [
		'<< /Type /Catalog /Pages 2 0 R >>',
		'<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
		'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 288 432] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
		`<< /Length ${Buffer.byteLength(text)} >>\nstream\n${text}\nendstream`,
		'<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
	];
	let body = '%PDF-1.4\n';
	const offsets: number[] = [];
	objects.forEach((object, index) => {
		offsets.push(Buffer.byteLength(body));
		body += `${index + 1} 0 obj\n${object}\nendobj\n`;
	});
	const xrefAt = Buffer.byteLength(body);
	body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
	body += offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('');
	body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xrefAt}\n%%EOF\n`;
	return Buffer.from(body, 'latin1');
}

/** ZPL text for printers that take it (Starshipit returns it when the account prints ZPL). */
export function zplDocument(lines: string[]): string {
	return [
		'^XA',
		...lines.map((line, index) => `^FO40,${40 + index * 40}^A0N,30,30^FD${line}^FS`),
		'^XZ',
	].join('\n');
}
