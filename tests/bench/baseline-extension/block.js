performance.mark('tandem:block-ready');
document.getElementById('original').textContent = location.hash.slice(1);
